import { Alert, Box, Button, Card, CardContent, TextField, Typography } from '@mui/material';
import { FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { apiErrorText, type ApiErrorBody } from '../providers/errorText';
import { API_URL } from '../providers/httpClient';

/** Redeems a one-time set-password link (no sign-in needed). */
export function SetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (password !== confirm) return setError('The two passwords differ.');
    const response = await fetch(`${API_URL}/auth/set-password`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token, password }),
    });
    if (response.ok) return setDone(true);
    setError(apiErrorText(response.status, (await response.json().catch(() => ({}))) as ApiErrorBody));
  }

  return (
    <Box component="main" sx={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Card sx={{ width: 420 }}>
        <CardContent>
          <Typography variant="h5" component="h1">
            Choose your Emerge password
          </Typography>
          {done ? (
            <Alert severity="success" sx={{ mt: 2 }}>
              Your password is set. <a href="/#/login">Sign in</a>.
            </Alert>
          ) : (
            <form onSubmit={submit}>
              <Typography variant="body2" sx={{ my: 1 }}>
                At least 12 characters, and not your email address.
              </Typography>
              <TextField
                label="New password"
                type="password"
                fullWidth
                margin="normal"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                required
                autoComplete="new-password"
              />
              <TextField
                label="Repeat the password"
                type="password"
                fullWidth
                margin="normal"
                value={confirm}
                onChange={(e) => setConfirm(e.target.value)}
                required
                autoComplete="new-password"
              />
              {error && (
                <Alert severity="error" role="alert">
                  {error}
                </Alert>
              )}
              <Button type="submit" variant="contained" sx={{ mt: 2 }} disabled={!token}>
                Set password
              </Button>
              {!token && <Typography sx={{ mt: 1 }}>This page needs the link your HR office sent you.</Typography>}
            </form>
          )}
        </CardContent>
      </Card>
    </Box>
  );
}
