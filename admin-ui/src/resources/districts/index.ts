import ApartmentIcon from '@mui/icons-material/Apartment';
import { lazyView } from '../../layout/lazyView';

export default {
  list: lazyView(() => import('./DistrictPages').then((m) => m.DistrictList)),
  show: lazyView(() => import('./DistrictPages').then((m) => m.DistrictShow)),
  create: lazyView(() => import('./DistrictPages').then((m) => m.DistrictCreate)),
  edit: lazyView(() => import('./DistrictPages').then((m) => m.DistrictEdit)),
  icon: ApartmentIcon,
  recordRepresentation: 'name',
};
