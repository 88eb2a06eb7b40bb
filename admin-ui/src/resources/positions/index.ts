import EventSeatIcon from '@mui/icons-material/EventSeat';
import { lazyView } from '../../layout/lazyView';

export default {
  list: lazyView(() => import('./PositionList').then((m) => m.PositionList)),
  show: lazyView(() => import('./PositionShow').then((m) => m.PositionShow)),
  create: lazyView(() => import('./PositionForms').then((m) => m.PositionCreate)),
  edit: lazyView(() => import('./PositionForms').then((m) => m.PositionEdit)),
  icon: EventSeatIcon,
  recordRepresentation: 'title',
};
