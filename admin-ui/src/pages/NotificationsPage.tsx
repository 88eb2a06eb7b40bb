import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  LinearProgress,
  Link as MuiLink,
  TablePagination,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Title, useGetList, useNotify, useRefresh } from 'react-admin';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { DateText } from '../layout/dates';
import { API_URL, httpClient } from '../providers/httpClient';

interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  createdAt: string;
  readAt: string | null;
}

/** What Emerge has told the signed-in person, newest first; opening one marks it read and goes to its record. */
export function NotificationsPage() {
  const [page, setPage] = useState(0);
  const perPage = 20;
  const { data, total, isPending, error, refetch } = useGetList<Notification>('notifications', {
    pagination: { page: page + 1, perPage },
    sort: { field: 'createdAt', order: 'DESC' },
  });
  const navigate = useNavigate();
  const notify = useNotify();
  // Every query again, the bell's count among them.
  const refresh = useRefresh();

  async function open(n: Notification) {
    if (!n.readAt)
      await httpClient(`${API_URL}/notifications/${n.id}/read`, { method: 'POST', body: '{}' }).catch(() => undefined);
    refresh();
    navigate(n.link);
  }

  async function readAll() {
    try {
      const { json } = await httpClient(`${API_URL}/notifications/read-all`, { method: 'POST', body: '{}' });
      notify(`${(json as { marked: number }).marked} marked as read`);
      refresh();
      void refetch();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  }

  const unread = data?.some((n) => !n.readAt);
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="Notifications" />
      <CardContent>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center', mb: 1 }}>
          <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
            Notifications
          </Typography>
          <MuiLink component={RouterLink} to="/notification-settings">
            Email settings
          </MuiLink>
          {unread && (
            <Button variant="outlined" onClick={() => void readAll()}>
              Mark all as read
            </Button>
          )}
        </Box>
        {error && <Alert severity="error">{(error as Error).message}</Alert>}
        {isPending ? (
          <LinearProgress aria-label="Loading your notifications" />
        ) : !data?.length ? (
          <Typography sx={{ my: 2 }}>
            Nothing yet. Emerge tells you here when something needs you: a nomination to review or to answer, an
            assignment, or a move in a candidacy.
          </Typography>
        ) : (
          <Box component="ul" aria-label="Your notifications" sx={{ listStyle: 'none', p: 0, m: 0 }}>
            {data.map((n) => (
              <Box
                component="li"
                key={n.id}
                sx={{
                  py: 1.5,
                  borderBottom: 1,
                  borderColor: 'divider',
                  pl: 1.5,
                  borderLeft: 4,
                  borderLeftColor: n.readAt ? 'transparent' : 'primary.main',
                }}
              >
                <MuiLink
                  component="button"
                  type="button"
                  onClick={() => void open(n)}
                  sx={{ fontWeight: n.readAt ? 400 : 700, textAlign: 'left', typography: 'body1' }}
                >
                  {n.readAt ? '' : 'New: '}
                  {n.title}
                </MuiLink>
                <Typography variant="body2">{n.body}</Typography>
                <Typography variant="caption" color="text.secondary">
                  <DateText value={n.createdAt} showTime />
                </Typography>
              </Box>
            ))}
          </Box>
        )}
        {(total ?? 0) > perPage && (
          <TablePagination
            component="div"
            count={total ?? 0}
            page={page}
            rowsPerPage={perPage}
            rowsPerPageOptions={[perPage]}
            onPageChange={(_e, p) => setPage(p)}
          />
        )}
      </CardContent>
    </Card>
  );
}
