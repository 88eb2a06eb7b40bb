import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedIn';
import { lazyView } from '../../layout/lazyView';

export default {
  create: lazyView(() => import('./EvidenceCreate').then((m) => m.EvidenceCreate)),
  icon: AssignmentTurnedInIcon,
};
