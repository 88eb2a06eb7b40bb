import SchoolIcon from '@mui/icons-material/School';
import { SchoolCreate, SchoolEdit } from './SchoolForms';
import { SchoolList } from './SchoolList';
import { SchoolShow } from './SchoolShow';

export default {
  list: SchoolList,
  show: SchoolShow,
  create: SchoolCreate,
  edit: SchoolEdit,
  icon: SchoolIcon,
  recordRepresentation: 'name',
};
