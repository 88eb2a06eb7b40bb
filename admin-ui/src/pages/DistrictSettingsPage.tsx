import { Alert, Box, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { Title, useCanAccess, useNotify } from 'react-admin';
import { Link } from 'react-router-dom';
import { formatDate } from '../layout/dates';
import { API_URL, httpClient } from '../providers/httpClient';
import { session } from '../providers/session';
import { IdentityProviderSection } from './IdentityProviderSection';
import { type PensionSettings, PensionRulesSection } from './PensionRulesSection';
import { type ReminderSettings, RemindersSection } from './RemindersSection';

interface Settings extends ReminderSettings, PensionSettings {
  name: string;
  updatedAt: string;
}

const MIN = 5;
const MAX = 100;

/** The district's own settings: the equity dashboard's small-cell threshold (hr edits, the superintendent reads). */
export function DistrictSettingsPage() {
  const notify = useNotify();
  const { canAccess: canRead, isPending } = useCanAccess({ resource: 'district-settings', action: 'show' });
  const { canAccess: canEdit } = useCanAccess({ resource: 'district-settings', action: 'edit' });
  const { canAccess: canEditSignIn } = useCanAccess({ resource: 'identity-provider', action: 'edit' });
  const districtId = session.user()?.districtId;
  const [settings, setSettings] = useState<Settings | null>(null);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const load = useCallback(() => {
    if (!districtId || !canRead) return;
    httpClient(`${API_URL}/district-settings/${districtId}`).then(
      ({ json }) => {
        const s = json as Settings;
        setSettings(s);
        setValue(String(s.smallCellThreshold));
      },
      (e: Error) => setLoadError(e.message),
    );
  }, [districtId, canRead]);
  useEffect(load, [load]);

  const n = Number(value);
  const invalid = !/^\d+$/.test(value) || n < MIN || n > MAX;

  async function save() {
    if (!settings || invalid) return;
    setSaving(true);
    try {
      const { json } = await httpClient(`${API_URL}/district-settings/${settings.id}`, {
        method: 'PUT',
        body: JSON.stringify({ smallCellThreshold: n, version: settings.version }),
      });
      setSettings(json as Settings);
      setError(null);
      notify(`Small-cell threshold set to ${n}; equity figures use it from now on`, { type: 'success' });
    } catch (e) {
      const err = e as { status?: number; message: string; body?: { errors?: Record<string, string> } };
      if (err.status === 409) {
        notify('Someone else changed the settings meanwhile: the current values are shown again.', { type: 'warning' });
        load();
      } else setError(err.body?.errors?.smallCellThreshold ?? err.message);
    } finally {
      setSaving(false);
    }
  }

  if (isPending) return null;
  return (
    <Card component="section" aria-labelledby="settings-title" sx={{ mt: 2, maxWidth: 820 }}>
      <Title title="District settings" />
      <CardContent>
        <Typography id="settings-title" variant="h5" component="h1">
          District settings{settings ? `: ${settings.name}` : ''}
        </Typography>
        {!canRead ? (
          <Alert severity="info" sx={{ mt: 2 }}>
            District settings are for HR and the superintendent.
          </Alert>
        ) : (
          <>
            <Typography variant="h6" component="h2" sx={{ mt: 2 }}>
              Small-cell suppression
            </Typography>
            <Typography sx={{ mt: 1 }}>
              The equity dashboard groups people by self-reported gender or race and ethnicity. A small count can
              identify a person (“the one nonbinary assistant-principal candidate”), so any count of people below this
              threshold is shown as “&lt;threshold”, never as a number. Counts that would let someone work a hidden one
              out from the totals are hidden too. Zero is always shown.
            </Typography>
            <Typography sx={{ mt: 1 }}>
              A higher threshold protects people better but hides more of the picture in small districts and small
              groups. The default is 10; it can never be below {MIN}. A change applies to the next figures anyone opens.
            </Typography>
            {loadError && (
              <Alert severity="error" sx={{ mt: 2 }}>
                The settings could not be loaded: {loadError}
              </Alert>
            )}
            {settings && canEdit && (
              <Stack
                component="form"
                direction="row"
                spacing={2}
                sx={{ mt: 3, alignItems: 'flex-start' }}
                onSubmit={(e) => {
                  e.preventDefault();
                  void save();
                }}
              >
                <TextField
                  label="Small-cell threshold"
                  type="number"
                  value={value}
                  onChange={(e) => {
                    setValue(e.target.value);
                    setError(null);
                  }}
                  slotProps={{ htmlInput: { min: MIN, max: MAX, step: 1 } }}
                  error={invalid || !!error}
                  helperText={error ?? (invalid ? `A whole number from ${MIN} to ${MAX}` : `From ${MIN} to ${MAX}`)}
                  fullWidth={false}
                  sx={{ width: 240 }}
                />
                <Button
                  type="submit"
                  variant="contained"
                  disabled={invalid || saving || n === settings.smallCellThreshold}
                  sx={{ mt: 1 }}
                >
                  Save
                </Button>
              </Stack>
            )}
            {settings && !canEdit && (
              <Typography sx={{ mt: 2 }} data-testid="threshold">
                Current threshold: <strong>{settings.smallCellThreshold}</strong>. HR changes it.
              </Typography>
            )}
            {settings && (
              <Box sx={{ mt: 2 }}>
                <Typography variant="body2" color="text.secondary">
                  Last changed {formatDate(settings.updatedAt, true)}.{' '}
                  <Link to="/dashboard">See the equity figures on the dashboard</Link>.
                </Typography>
              </Box>
            )}
            {settings && (
              <RemindersSection
                // Shown afresh when the saved delays change (a save here, or a reload after a conflict), not when
                // the threshold is saved, so that unsaved edits here survive it.
                key={[
                  settings.remindReviewAfterDays,
                  settings.remindAnswerAfterDays,
                  settings.remindHoursAfterDays,
                  settings.remindReadinessAfterMonths,
                ].join()}
                settings={settings}
                canEdit={!!canEdit}
                onSaved={(s) => setSettings((old) => (old ? { ...old, ...s } : old))}
                onConflict={load}
              />
            )}
            {settings && (
              <PensionRulesSection
                key={`${JSON.stringify(settings.pensionRules)}`}
                settings={settings}
                canEdit={!!canEdit}
                onSaved={(s) => setSettings((old) => (old ? { ...old, ...s } : old))}
                onConflict={load}
              />
            )}
            {districtId && canEditSignIn && <IdentityProviderSection districtId={districtId} />}
          </>
        )}
      </CardContent>
    </Card>
  );
}
