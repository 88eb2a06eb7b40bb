import OutboxIcon from '@mui/icons-material/Outbox';
import { lazyView } from '../../layout/lazyView';

export default {
  list: lazyView(() => import('./OutboxPages').then((m) => m.OutboxList)),
  show: lazyView(() => import('./OutboxPages').then((m) => m.OutboxShow)),
  icon: OutboxIcon,
  recordRepresentation: 'subject',
};
