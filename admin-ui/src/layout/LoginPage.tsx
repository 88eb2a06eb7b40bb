import { Box, Card, CardContent, Typography } from '@mui/material';
import { LoginForm } from 'react-admin';

export function LoginPage() {
  return (
    <Box
      component="main"
      sx={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', bgcolor: '#eef3ee' }}
    >
      <Card sx={{ width: 380 }}>
        <CardContent>
          <Typography variant="h4" component="h1" sx={{ color: '#1b5e20', fontWeight: 700 }}>
            Emerge
          </Typography>
          <Typography variant="body1" sx={{ mb: 1 }}>
            Grow your district&apos;s leaders. Sign in with your work email.
          </Typography>
        </CardContent>
        <LoginForm />
      </Card>
    </Box>
  );
}
