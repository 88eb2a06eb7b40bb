import HowToRegIcon from '@mui/icons-material/HowToReg';
import { lazyView } from '../../layout/lazyView';

export default {
  list: lazyView(() => import('./NominationList').then((m) => m.NominationList)),
  show: lazyView(() => import('./NominationShow').then((m) => m.NominationShow)),
  create: lazyView(() => import('./NominationCreate').then((m) => m.NominationCreate)),
  icon: HowToRegIcon,
  recordRepresentation: (r: { educatorFirstName: string; educatorLastName: string; targetRoleTitle: string }) =>
    `${r.educatorFirstName} ${r.educatorLastName} for ${r.targetRoleTitle}`,
};
