import { Card, CardContent, Typography } from '@mui/material';
import { Title, useGetIdentity } from 'react-admin';

const INTRO: Record<string, string> = {
  platform_admin: 'Create districts and their first HR account from the Districts and Users screens.',
  hr: 'Keep your schools and staff accounts up to date from the Schools and Users screens.',
  superintendent: 'District dashboards arrive here as your pipeline fills up.',
  coordinator: 'Your leadership programme tools arrive here.',
  principal: 'Your school’s pipeline arrives here.',
  educator: 'Your leadership journey arrives here.',
};

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
      </CardContent>
    </Card>
  );
}
