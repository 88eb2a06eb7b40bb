import PeopleIcon from '@mui/icons-material/People';
import { lazyView } from '../../layout/lazyView';

export default {
  list: lazyView(() => import('./UserList').then((m) => m.UserList)),
  show: lazyView(() => import('./UserShow').then((m) => m.UserShow)),
  create: lazyView(() => import('./UserForms').then((m) => m.UserCreate)),
  edit: lazyView(() => import('./UserForms').then((m) => m.UserEdit)),
  icon: PeopleIcon,
  recordRepresentation: 'name',
};
