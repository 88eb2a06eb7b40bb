import BadgeIcon from '@mui/icons-material/Badge';
import { EducatorCreate, EducatorEdit } from './EducatorForms';
import { EducatorList } from './EducatorList';
import { EducatorShow } from './EducatorShow';

export default {
  list: EducatorList,
  show: EducatorShow,
  create: EducatorCreate,
  edit: EducatorEdit,
  icon: BadgeIcon,
  recordRepresentation: (r: { firstName: string; lastName: string }) => `${r.firstName} ${r.lastName}`,
};
