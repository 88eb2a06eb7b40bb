import Diversity3Icon from '@mui/icons-material/Diversity3';
import { lazyView } from '../../layout/lazyView';

export const mentors = {
  list: lazyView(() => import('./MentorList').then((m) => m.MentorList)),
  icon: Diversity3Icon,
};

export const mentorships = {
  show: lazyView(() => import('./MentorshipShow').then((m) => m.MentorshipShow)),
};
