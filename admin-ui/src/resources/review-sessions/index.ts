import GroupsIcon from '@mui/icons-material/Groups';
import { lazyView } from '../../layout/lazyView';

export default {
  list: lazyView(() => import('./ReviewSessionList').then((m) => m.ReviewSessionList)),
  show: lazyView(() => import('./ReviewSessionShow').then((m) => m.ReviewSessionShow)),
  create: lazyView(() => import('./ReviewSessionCreate').then((m) => m.ReviewSessionCreate)),
  icon: GroupsIcon,
  recordRepresentation: 'title',
};
