import AssignmentIcon from '@mui/icons-material/Assignment';
import { lazyView } from '../../layout/lazyView';

export default {
  list: lazyView(() => import('./AssignmentPages').then((m) => m.AssignmentList)),
  show: lazyView(() => import('./AssignmentPages').then((m) => m.AssignmentShow)),
  edit: lazyView(() => import('./AssignmentPages').then((m) => m.AssignmentEdit)),
  icon: AssignmentIcon,
  recordRepresentation: (r: { opportunityTitle: string; firstName: string; lastName: string }) =>
    `${r.opportunityTitle}: ${r.firstName} ${r.lastName}`,
};
