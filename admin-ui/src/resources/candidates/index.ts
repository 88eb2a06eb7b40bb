import TimelineIcon from '@mui/icons-material/Timeline';
import { lazyView } from '../../layout/lazyView';

export default {
  list: lazyView(() => import('./CandidateList').then((m) => m.CandidateList)),
  show: lazyView(() => import('./CandidateShow').then((m) => m.CandidateShow)),
  edit: lazyView(() => import('./CandidateEdit').then((m) => m.CandidateEdit)),
  icon: TimelineIcon,
  recordRepresentation: (r: { firstName: string; lastName: string; roleTitle: string }) =>
    `${r.firstName} ${r.lastName}: ${r.roleTitle}`,
};
