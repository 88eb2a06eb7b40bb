import { Alert, Box, Card, CardContent, CircularProgress, Link, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { API_URL } from '../providers/httpClient';
import { session, SessionUser } from '../providers/session';

/**
 * Where single sign-on lands (`#/sso?ticket=…`): trades the one-time ticket for the session, then goes where the
 * person was going (an emailed link) or home.
 */
export function SsoPage() {
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);

  useEffect(() => {
    // Once: the ticket is single use, and React may run effects twice in development.
    if (started.current) return;
    started.current = true;
    const ticket = params.get('ticket') ?? '';
    // The ticket leaves the address bar (and the history) before anything else happens.
    window.history.replaceState(null, '', '/#/sso');
    void (async () => {
      const response = await fetch(`${API_URL}/auth/sso/exchange`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ ticket }),
      });
      const body = (await response.json().catch(() => ({}))) as {
        accessToken?: string;
        user?: SessionUser;
        endSessionUrl?: string | null;
        errors?: Record<string, string>;
        message?: string;
      };
      if (!response.ok || !body.accessToken || !body.user) {
        setError(body.errors?.ticket ?? body.message ?? 'The sign-in did not complete');
        return;
      }
      session.save(body.accessToken, body.user);
      session.saveEndSession(body.endSessionUrl ?? null);
      // A full load, so that the console starts with the new session, on the page the person was going to (a
      // change of the fragment alone would not load the page again).
      const next = session.takeReturnPath();
      window.history.replaceState(null, '', next ? `/#${next}` : '/');
      window.location.reload();
    })();
  }, [params]);

  return (
    <Box component="main" sx={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Card sx={{ width: 420 }}>
        <CardContent>
          <Typography variant="h5" component="h1">
            Signing you in to Emerge
          </Typography>
          {error ? (
            <Alert severity="error" role="alert" sx={{ mt: 2 }}>
              {error} <Link href="/#/login">Back to sign-in</Link>
            </Alert>
          ) : (
            <CircularProgress sx={{ mt: 2 }} aria-label="Signing in" />
          )}
        </CardContent>
      </Card>
    </Box>
  );
}
