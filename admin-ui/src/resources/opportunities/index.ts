import EmojiObjectsIcon from '@mui/icons-material/EmojiObjects';
import { lazyView } from '../../layout/lazyView';

export default {
  list: lazyView(() => import('./OpportunityPages').then((m) => m.OpportunityList)),
  show: lazyView(() => import('./OpportunityPages').then((m) => m.OpportunityShow)),
  create: lazyView(() => import('./OpportunityPages').then((m) => m.OpportunityCreate)),
  edit: lazyView(() => import('./OpportunityPages').then((m) => m.OpportunityEdit)),
  icon: EmojiObjectsIcon,
  recordRepresentation: 'title',
};
