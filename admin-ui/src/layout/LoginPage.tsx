import { Alert, Box, Button, Card, CardContent, Divider, Link, Stack, TextField, Typography } from '@mui/material';
import { FormEvent, useState } from 'react';
import { useLogin } from 'react-admin';
import { useLocation, useSearchParams } from 'react-router-dom';
import { API_URL } from '../providers/httpClient';
import { session } from '../providers/session';
import { ssoRefusalMessage } from './ssoMessages';

interface Methods {
  password: boolean;
  sso: { providerName: string } | null;
}

/**
 * Email first; then, per the email's district (GET /api/auth/discover, decided by the domain only), "Continue
 * with <provider>" and/or the password.
 */
export function LoginPage() {
  const login = useLogin();
  const [params] = useSearchParams();
  // Where the person was going (an emailed link): the password sign-in returns there by itself; single sign-on
  // leaves the page, so the SSO landing page finds it in the session's storage.
  const next = (useLocation().state as { nextPathname?: string } | null)?.nextPathname;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [methods, setMethods] = useState<Methods | null>(null);
  const [adminPassword, setAdminPassword] = useState(false);
  const [error, setError] = useState<string | null>(() => ssoRefusalMessage(params.get('sso_error')));
  const [busy, setBusy] = useState(false);
  const [providerSignOut] = useState(() => session.takeProviderSignOut());

  async function discover(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(`${API_URL}/auth/discover?email=${encodeURIComponent(email.trim())}`, {
        headers: { Accept: 'application/json' },
      });
      const body = (await response.json().catch(() => ({}))) as Methods & { errors?: Record<string, string> };
      if (!response.ok) return setError(body.errors?.email ?? 'Enter your work email address');
      setMethods({ password: body.password, sso: body.sso });
    } catch {
      setError('Emerge cannot be reached; check your connection and try again');
    } finally {
      setBusy(false);
    }
  }

  async function continueWithProvider() {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(`${API_URL}/auth/sso/start`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ email: email.trim() }),
      });
      const body = (await response.json().catch(() => ({}))) as { authorizationUrl?: string; message?: string };
      if (!response.ok || !body.authorizationUrl) throw new Error(body.message ?? 'Single sign-on could not start');
      session.saveReturnPath(next);
      window.location.assign(body.authorizationUrl);
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  }

  async function signIn(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login({ username: email.trim(), password });
    } catch (err) {
      setError((err as Error).message || 'Sign-in failed');
      setBusy(false);
    }
  }

  const showPassword = methods && (methods.password || adminPassword);

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
          <Typography variant="body1" sx={{ mb: 2 }}>
            Grow your district&apos;s leaders. Sign in with your work email.
          </Typography>
          {providerSignOut && (
            <Alert severity="info" sx={{ mb: 2 }}>
              You are signed out of Emerge. <Link href={providerSignOut}>Sign out of your district account too</Link>
            </Alert>
          )}
          {error && (
            <Alert severity="error" role="alert" sx={{ mb: 2 }}>
              {error}
            </Alert>
          )}
          {!methods ? (
            <Stack component="form" spacing={2} onSubmit={discover} noValidate>
              <TextField
                label="Email"
                type="email"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                autoComplete="username"
                autoFocus
                required
                fullWidth
              />
              <Button type="submit" variant="contained" disabled={busy || !email.trim()}>
                Continue
              </Button>
            </Stack>
          ) : (
            <Stack spacing={2}>
              <Typography variant="body2">
                Signing in as <strong>{email.trim()}</strong>{' '}
                <Button
                  size="small"
                  onClick={() => {
                    setMethods(null);
                    setPassword('');
                    setAdminPassword(false);
                  }}
                >
                  Use another email
                </Button>
              </Typography>
              {methods.sso && (
                <Button variant="contained" onClick={() => void continueWithProvider()} disabled={busy}>
                  Continue with {methods.sso.providerName}
                </Button>
              )}
              {methods.sso && showPassword && <Divider>or</Divider>}
              {showPassword && (
                <Stack component="form" spacing={2} onSubmit={signIn}>
                  {/* The email again, hidden, so that password managers pair the two. */}
                  <input type="email" name="username" value={email.trim()} autoComplete="username" readOnly hidden />
                  <TextField
                    label="Password"
                    type="password"
                    value={password}
                    onChange={(e) => setPassword(e.target.value)}
                    autoComplete="current-password"
                    autoFocus
                    required
                    fullWidth
                  />
                  <Button type="submit" variant={methods.sso ? 'outlined' : 'contained'} disabled={busy || !password}>
                    Sign in
                  </Button>
                </Stack>
              )}
              {!showPassword && (
                <Button size="small" onClick={() => setAdminPassword(true)} sx={{ alignSelf: 'flex-start' }}>
                  Platform administrator? Use a password
                </Button>
              )}
            </Stack>
          )}
        </CardContent>
      </Card>
    </Box>
  );
}
