import BadgeIcon from '@mui/icons-material/Badge';
import { lazyView } from '../../layout/lazyView';

export default {
  list: lazyView(() => import('./EducatorList').then((m) => m.EducatorList)),
  show: lazyView(() => import('./EducatorShow').then((m) => m.EducatorShow)),
  create: lazyView(() => import('./EducatorForms').then((m) => m.EducatorCreate)),
  edit: lazyView(() => import('./EducatorForms').then((m) => m.EducatorEdit)),
  icon: BadgeIcon,
  recordRepresentation: (r: { firstName: string; lastName: string }) => `${r.firstName} ${r.lastName}`,
};
