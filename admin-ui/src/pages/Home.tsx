import { Button, Card, CardContent, ListItem, ListItemText, List as MuiList, Stack, Typography } from '@mui/material';
import { Count, Title, useGetIdentity, useGetList } from 'react-admin';
import { Link } from 'react-router-dom';
import { session } from '../providers/session';
import { stageName } from '../resources/choices';

const INTRO: Record<string, string> = {
  platform_admin: 'Create districts and their first HR account from the Districts and Users screens.',
  hr: 'Review nominations, keep the roster current and move candidates through the pipeline.',
  superintendent: 'See who is in your leadership pipeline; district dashboards arrive here as it fills up.',
  coordinator: 'Move candidates through their development and keep mentors and notes current.',
  principal: 'Put forward the emerging leaders of your school and follow their progress.',
  educator: 'Your leadership journey: nominations, candidacies and the next step.',
};

function MyJourney() {
  const { data: candidacies, isPending } = useGetList('candidates', {
    pagination: { page: 1, perPage: 50 },
    sort: { field: 'createdAt', order: 'DESC' },
  });
  const { data: aboutMe } = useGetList('nominations', {
    filter: { educatorId: session.user()?.educatorId, status: 'approved' },
    pagination: { page: 1, perPage: 20 },
  });
  if (isPending) return null;
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Typography variant="h6" component="h2">
        My candidacies
      </Typography>
      {(candidacies ?? []).length === 0 ? (
        <Typography>
          You are not in the leadership pipeline yet. When a nomination of you is approved, it appears here for you to
          accept.
        </Typography>
      ) : (
        <MuiList>
          {(candidacies ?? []).map((c) => (
            <ListItem
              key={c.id}
              divider
              secondaryAction={
                <Button
                  component={Link}
                  to={`/candidates/${c.id}/show`}
                  variant={c.stage === 'identified' ? 'contained' : 'outlined'}
                >
                  {c.stage === 'identified' ? 'Respond' : 'Open'}
                </Button>
              }
            >
              <ListItemText
                primary={`${c.roleTitle}: ${stageName(c.stage)}`}
                secondary={
                  c.stage === 'identified'
                    ? 'You have been nominated: accept or decline.'
                    : `${c.daysInStage} days in this stage`
                }
              />
            </ListItem>
          ))}
        </MuiList>
      )}
      {(aboutMe ?? []).length > 0 && (
        <>
          <Typography variant="h6" component="h2">
            Why you were nominated
          </Typography>
          <MuiList>
            {(aboutMe ?? []).map((n) => (
              <ListItem key={n.id} divider>
                <ListItemText primary={`${n.targetRoleTitle}, by ${n.nominatorName}`} secondary={n.rationale} />
              </ListItem>
            ))}
          </MuiList>
        </>
      )}
    </Stack>
  );
}

export function Home() {
  const { identity, isPending } = useGetIdentity();
  if (isPending) return null;
  const role = String(identity?.role ?? '');
  return (
    <Card component="section" sx={{ mt: 2 }} aria-labelledby="home-title">
      <Title title="Home" />
      <CardContent>
        <Typography id="home-title" variant="h5" component="h1">
          Welcome, {identity?.fullName}
        </Typography>
        <Typography variant="body1" sx={{ mt: 1 }}>
          {INTRO[role] ?? ''}
        </Typography>
        <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
          {['principal', 'educator', 'hr'].includes(role) && (
            <Button component={Link} to="/nominations/create" variant="contained">
              Nominate someone
            </Button>
          )}
          {role === 'hr' && (
            <Button component={Link} to="/nominations" variant="outlined">
              Nominations to review (<Count resource="nominations" filter={{ status: 'submitted' }} link={false} />)
            </Button>
          )}
          {['hr', 'coordinator', 'superintendent', 'principal'].includes(role) && (
            <Button component={Link} to="/candidates" variant="outlined">
              Pipeline (<Count resource="candidates" link={false} />)
            </Button>
          )}
        </Stack>
        {role === 'educator' && <MyJourney />}
      </CardContent>
    </Card>
  );
}
