import NotificationsIcon from '@mui/icons-material/NotificationsOutlined';
import { Badge, IconButton, Tooltip } from '@mui/material';
import { useGetList } from 'react-admin';
import { Link } from 'react-router-dom';

/** How often the bell asks for news; a notification written by the worker shows within this time. */
const POLL_MS = 60_000;

/** The unread count: the list's total of unread ones (one row fetched). */
export function useUnreadCount(): number {
  const { total } = useGetList(
    'notifications',
    { filter: { unread: true }, pagination: { page: 1, perPage: 1 }, sort: { field: 'createdAt', order: 'DESC' } },
    { refetchInterval: POLL_MS, refetchOnWindowFocus: true },
  );
  return total ?? 0;
}

export function NotificationBell() {
  const unread = useUnreadCount();
  const label = unread ? `Notifications: ${unread} unread` : 'Notifications: none unread';
  return (
    <Tooltip title={label}>
      <IconButton color="inherit" component={Link} to="/notifications" aria-label={label}>
        <Badge badgeContent={unread} max={99} color="error">
          <NotificationsIcon />
        </Badge>
      </IconButton>
    </Tooltip>
  );
}
