import TimelineIcon from '@mui/icons-material/Timeline';
import { CandidateEdit } from './CandidateEdit';
import { CandidateList } from './CandidateList';
import { CandidateShow } from './CandidateShow';

export default {
  list: CandidateList,
  show: CandidateShow,
  edit: CandidateEdit,
  icon: TimelineIcon,
  recordRepresentation: (r: { firstName: string; lastName: string; roleTitle: string }) =>
    `${r.firstName} ${r.lastName} (${r.roleTitle})`,
};
