import AccountTreeIcon from '@mui/icons-material/AccountTree';
import ApartmentIcon from '@mui/icons-material/Apartment';
import AssignmentIcon from '@mui/icons-material/Assignment';
import BadgeIcon from '@mui/icons-material/Badge';
import BarChartIcon from '@mui/icons-material/BarChart';
import Diversity3Icon from '@mui/icons-material/Diversity3';
import EmojiObjectsIcon from '@mui/icons-material/EmojiObjects';
import EventSeatIcon from '@mui/icons-material/EventSeat';
import GroupsIcon from '@mui/icons-material/Groups';
import HowToRegIcon from '@mui/icons-material/HowToReg';
import OutboxIcon from '@mui/icons-material/Outbox';
import PeopleIcon from '@mui/icons-material/People';
import SchoolIcon from '@mui/icons-material/School';
import SettingsIcon from '@mui/icons-material/Settings';
import TimelineIcon from '@mui/icons-material/Timeline';
import TrendingUpIcon from '@mui/icons-material/TrendingUp';
import ViewKanbanIcon from '@mui/icons-material/ViewKanban';
import WorkspacePremiumIcon from '@mui/icons-material/WorkspacePremium';
import { Menu as RaMenu, useCanAccess } from 'react-admin';
import { session } from '../providers/session';

function ResourceItem({ resource, label, icon }: { resource: string; label: string; icon: React.ReactElement }) {
  const { canAccess } = useCanAccess({ resource, action: 'list' });
  if (!canAccess) return null;
  return <RaMenu.Item to={`/${resource}`} primaryText={label} leftIcon={icon} />;
}

/** The pipeline board: for those who list candidates (moving them is checked per card). */
function BoardItem() {
  const { canAccess } = useCanAccess({ resource: 'candidates', action: 'list' });
  if (!canAccess) return null;
  return <RaMenu.Item to="/pipeline" primaryText="Pipeline board" leftIcon={<ViewKanbanIcon />} />;
}

/** A custom page shown to those the role table lets do `action` on `resource`. */
function PageItem(props: { resource: string; action: string; to: string; label: string; icon: React.ReactElement }) {
  const { canAccess } = useCanAccess({ resource: props.resource, action: props.action });
  if (!canAccess) return null;
  return <RaMenu.Item to={props.to} primaryText={props.label} leftIcon={props.icon} />;
}

/** Each role sees only what it may use (the API enforces it regardless). */
export function Menu() {
  return (
    <RaMenu>
      <RaMenu.DashboardItem primaryText="Home" />
      {/* The superintendent's home page is the dashboard itself. */}
      {session.user()?.role !== 'superintendent' && (
        <PageItem resource="dashboard" action="list" to="/dashboard" label="Dashboard" icon={<BarChartIcon />} />
      )}
      <ResourceItem resource="candidates" label="Candidates" icon={<TimelineIcon />} />
      <BoardItem />
      <ResourceItem resource="nominations" label="Nominations" icon={<HowToRegIcon />} />
      <ResourceItem
        resource="assignments"
        label={session.user()?.role === 'educator' ? 'My assignments' : 'Assignments'}
        icon={<AssignmentIcon />}
      />
      <ResourceItem resource="opportunities" label="Opportunities" icon={<EmojiObjectsIcon />} />
      <ResourceItem resource="positions" label="Positions" icon={<EventSeatIcon />} />
      <PageItem resource="forecast" action="list" to="/forecast" label="Vacancy forecast" icon={<TrendingUpIcon />} />
      <ResourceItem resource="review-sessions" label="Talent reviews" icon={<GroupsIcon />} />
      <ResourceItem resource="mentors" label="Mentors" icon={<Diversity3Icon />} />
      <ResourceItem resource="educators" label="Educators" icon={<BadgeIcon />} />
      <ResourceItem resource="leadership-roles" label="Leadership roles" icon={<WorkspacePremiumIcon />} />
      <ResourceItem resource="competency-frameworks" label="Frameworks" icon={<AccountTreeIcon />} />
      <ResourceItem resource="districts" label="Districts" icon={<ApartmentIcon />} />
      <ResourceItem resource="schools" label="Schools" icon={<SchoolIcon />} />
      <ResourceItem resource="users" label="Users" icon={<PeopleIcon />} />
      <ResourceItem resource="email-outbox" label="Outbox" icon={<OutboxIcon />} />
      <PageItem
        resource="district-settings"
        action="show"
        to="/district-settings"
        label="District settings"
        icon={<SettingsIcon />}
      />
    </RaMenu>
  );
}
