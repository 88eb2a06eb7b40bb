import PeopleIcon from '@mui/icons-material/People';
import { UserCreate, UserEdit } from './UserForms';
import { UserList } from './UserList';
import { UserShow } from './UserShow';

export default {
  list: UserList,
  show: UserShow,
  create: UserCreate,
  edit: UserEdit,
  icon: PeopleIcon,
  recordRepresentation: 'name',
};
