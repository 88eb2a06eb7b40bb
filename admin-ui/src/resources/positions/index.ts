import EventSeatIcon from '@mui/icons-material/EventSeat';
import { PositionCreate, PositionEdit } from './PositionForms';
import { PositionList } from './PositionList';
import { PositionShow } from './PositionShow';

export default {
  list: PositionList,
  show: PositionShow,
  create: PositionCreate,
  edit: PositionEdit,
  icon: EventSeatIcon,
  recordRepresentation: 'title',
};
