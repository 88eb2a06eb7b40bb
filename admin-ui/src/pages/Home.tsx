import { Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import type { ComponentType } from 'react';
import { Title, useGetIdentity } from 'react-admin';
import { Link } from 'react-router-dom';
import { Dashboard } from '../dashboard/Dashboard';
import { lazyView } from '../layout/lazyView';

const INTRO: Record<string, string> = {
  platform_admin: 'Create districts and their first HR account from the Districts and Users screens.',
  hr: 'Review nominations, keep the roster current and move candidates through the pipeline.',
  coordinator: 'Keep development moving: assignments that are due, and opportunities with seats to fill.',
  principal: 'Put forward the emerging leaders of your school and follow their progress.',
  educator: 'Your leadership journey: where you are, what comes next, and the evidence you are building.',
};

// Each role fetches only its own home page.
const BODY: Record<string, ComponentType> = {
  hr: lazyView(() => import('./home/HrHome').then((m) => m.HrHome)),
  coordinator: lazyView(() => import('./home/CoordinatorHome').then((m) => m.CoordinatorHome)),
  principal: lazyView(() => import('./home/PrincipalHome').then((m) => m.PrincipalHome)),
  educator: lazyView(() => import('./home/EducatorHome').then((m) => m.EducatorHome)),
};

/** Each role's home page answers what needs them today; the superintendent's is the dashboard. */
export function Home() {
  const { identity, isPending } = useGetIdentity();
  if (isPending) return null;
  const role = String(identity?.role ?? '');
  if (role === 'superintendent') return <Dashboard home />;
  const Body = BODY[role];
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="Home" />
      <Card component="section" aria-labelledby="home-title" sx={{ mb: 2 }}>
        <CardContent>
          <Typography id="home-title" variant="h5" component="h1">
            Welcome, {identity?.fullName}
          </Typography>
          <Typography variant="body1" sx={{ mt: 1 }}>
            {INTRO[role] ?? ''}
          </Typography>
          <Stack direction="row" spacing={2} sx={{ mt: 2, flexWrap: 'wrap' }} useFlexGap>
            {['principal', 'educator', 'hr'].includes(role) && (
              <Button component={Link} to="/nominations/create" variant="contained">
                Nominate someone
              </Button>
            )}
            {['hr', 'coordinator', 'principal'].includes(role) && (
              <Button component={Link} to="/dashboard" variant="outlined">
                Dashboard
              </Button>
            )}
            {['hr', 'coordinator', 'principal'].includes(role) && (
              <Button component={Link} to="/pipeline" variant="outlined">
                Pipeline board
              </Button>
            )}
          </Stack>
        </CardContent>
      </Card>
      {Body && <Body />}
    </Box>
  );
}
