import SchoolIcon from '@mui/icons-material/School';
import { lazyView } from '../../layout/lazyView';

export default {
  list: lazyView(() => import('./SchoolList').then((m) => m.SchoolList)),
  show: lazyView(() => import('./SchoolShow').then((m) => m.SchoolShow)),
  create: lazyView(() => import('./SchoolForms').then((m) => m.SchoolCreate)),
  edit: lazyView(() => import('./SchoolForms').then((m) => m.SchoolEdit)),
  icon: SchoolIcon,
  recordRepresentation: 'name',
};
