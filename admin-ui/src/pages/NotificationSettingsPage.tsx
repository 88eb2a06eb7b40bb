import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  FormControl,
  FormControlLabel,
  FormLabel,
  LinearProgress,
  Radio,
  RadioGroup,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { Title, useNotify } from 'react-admin';
import { Link } from 'react-router-dom';
import { API_URL, httpClient } from '../providers/httpClient';

type Choice = 'immediate' | 'daily' | 'off';
interface Setting {
  kind: string;
  label: string;
  email: Choice;
}
interface Settings {
  emailEnabled: boolean;
  settings: Setting[];
}

const CHOICES: { value: Choice; label: string }[] = [
  { value: 'immediate', label: 'Email each one' },
  { value: 'daily', label: 'Daily digest (one email a day)' },
  { value: 'off', label: 'No email' },
];

/** Each person chooses, per kind of notification, how email reaches them; the bell shows everything regardless. */
export function NotificationSettingsPage() {
  const notify = useNotify();
  const [loaded, setLoaded] = useState<Settings | null>(null);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    httpClient(`${API_URL}/me/notification-settings`).then(
      ({ json }) => {
        const s = json as Settings;
        setLoaded(s);
        setChoices(Object.fromEntries(s.settings.map((x) => [x.kind, x.email])));
      },
      (e: Error) => setError(e.message),
    );
  }, []);

  const changed = loaded?.settings.filter((s) => choices[s.kind] !== s.email) ?? [];

  async function save() {
    setSaving(true);
    try {
      const { json } = await httpClient(`${API_URL}/me/notification-settings`, {
        method: 'PUT',
        body: JSON.stringify({ settings: changed.map((s) => ({ kind: s.kind, email: choices[s.kind] })) }),
      });
      setLoaded(json as Settings);
      setError(null);
      notify('Your email choices are saved', { type: 'success' });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="Notification settings" />
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          Notification settings
        </Typography>
        <Typography sx={{ mb: 2 }}>
          Every notification appears under the bell. Choose which ones also come by email. Each email has a link to stop
          that kind with one click.
        </Typography>
        {error && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {error}
          </Alert>
        )}
        {loaded && !loaded.emailEnabled && (
          <Alert severity="info" sx={{ mb: 2 }}>
            This installation sends no email yet (no mail server is set up). Your choices are kept for when it does.
          </Alert>
        )}
        {!loaded && !error && <LinearProgress aria-label="Loading your settings" />}
        {loaded && (
          <Box
            component="form"
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            {loaded.settings.map((s) => (
              <FormControl
                key={s.kind}
                component="fieldset"
                sx={{ display: 'block', py: 1.5, borderBottom: 1, borderColor: 'divider' }}
              >
                <FormLabel id={`kind-${s.kind}`} component="legend" sx={{ color: 'text.primary', fontWeight: 600 }}>
                  {s.label}
                </FormLabel>
                <RadioGroup
                  row
                  aria-labelledby={`kind-${s.kind}`}
                  name={s.kind}
                  value={choices[s.kind] ?? 'immediate'}
                  onChange={(e) => setChoices((c) => ({ ...c, [s.kind]: e.target.value as Choice }))}
                >
                  {CHOICES.map((c) => (
                    <FormControlLabel key={c.value} value={c.value} control={<Radio />} label={c.label} />
                  ))}
                </RadioGroup>
              </FormControl>
            ))}
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center', mt: 2 }}>
              <Button type="submit" variant="contained" disabled={saving || changed.length === 0}>
                Save
              </Button>
              <Typography variant="body2" color="text.secondary" aria-live="polite">
                {changed.length ? `${changed.length} unsaved change${changed.length > 1 ? 's' : ''}` : 'No changes'}
              </Typography>
              <Box sx={{ flexGrow: 1 }} />
              <Link to="/notifications">Back to your notifications</Link>
            </Box>
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
