import HowToRegIcon from '@mui/icons-material/HowToReg';
import { NominationCreate } from './NominationCreate';
import { NominationList } from './NominationList';
import { NominationShow } from './NominationShow';

export default {
  list: NominationList,
  show: NominationShow,
  create: NominationCreate,
  icon: HowToRegIcon,
  recordRepresentation: (r: { educatorFirstName: string; educatorLastName: string; targetRoleTitle: string }) =>
    `${r.educatorFirstName} ${r.educatorLastName} for ${r.targetRoleTitle}`,
};
