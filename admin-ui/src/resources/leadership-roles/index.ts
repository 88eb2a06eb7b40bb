import WorkspacePremiumIcon from '@mui/icons-material/WorkspacePremium';
import { lazyView } from '../../layout/lazyView';

export default {
  list: lazyView(() => import('./RolePages').then((m) => m.RoleList)),
  show: lazyView(() => import('./RolePages').then((m) => m.RoleShow)),
  create: lazyView(() => import('./RolePages').then((m) => m.RoleCreate)),
  edit: lazyView(() => import('./RolePages').then((m) => m.RoleEdit)),
  icon: WorkspacePremiumIcon,
  recordRepresentation: 'title',
};
