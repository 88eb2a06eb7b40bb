import { Alert, Box, Button, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useNotify } from 'react-admin';
import { API_URL, httpClient } from '../providers/httpClient';

export interface ReminderSettings {
  id: string;
  smallCellThreshold: number;
  remindReviewAfterDays: number | null;
  remindAnswerAfterDays: number | null;
  remindHoursAfterDays: number | null;
  remindReadinessAfterMonths: number | null;
  version: number;
}

type Field = 'remindReviewAfterDays' | 'remindAnswerAfterDays' | 'remindHoursAfterDays' | 'remindReadinessAfterMonths';

const FIELDS: { field: Field; label: string; who: string; max: number; unit: 'days' | 'months' }[] = [
  { field: 'remindReviewAfterDays', label: 'Nomination waiting for review', who: 'HR', max: 365, unit: 'days' },
  { field: 'remindAnswerAfterDays', label: 'Nominee has not answered', who: 'the nominee', max: 365, unit: 'days' },
  {
    field: 'remindHoursAfterDays',
    label: 'No hours logged on a started assignment',
    who: 'the candidate',
    max: 365,
    unit: 'days',
  },
  {
    field: 'remindReadinessAfterMonths',
    label: 'Readiness confirmation grown old',
    who: 'HR',
    max: 60,
    unit: 'months',
  },
];

const text = (v: number | null) => (v === null ? '' : String(v));

/** The district's reminder delays (hr edits; an empty field turns that reminder off). */
export function RemindersSection({
  settings,
  canEdit,
  onSaved,
  onConflict,
}: {
  settings: ReminderSettings;
  canEdit: boolean;
  onSaved: (s: ReminderSettings) => void;
  /** Someone else saved meanwhile: the page loads the current values again. */
  onConflict: () => void;
}) {
  const notify = useNotify();
  const [values, setValues] = useState<Record<Field, string>>(
    () => Object.fromEntries(FIELDS.map((f) => [f.field, text(settings[f.field])])) as Record<Field, string>,
  );
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const problem = (f: (typeof FIELDS)[number]) => {
    const v = values[f.field].trim();
    if (v === '') return null;
    return /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= f.max
      ? null
      : `A whole number from 1 to ${f.max}, or empty`;
  };
  const invalid = FIELDS.some((f) => problem(f));
  const changed = FIELDS.some((f) => values[f.field].trim() !== text(settings[f.field]));

  async function save() {
    setSaving(true);
    try {
      const body: Record<string, unknown> = {
        smallCellThreshold: settings.smallCellThreshold,
        version: settings.version,
      };
      for (const f of FIELDS) body[f.field] = values[f.field].trim() === '' ? null : Number(values[f.field]);
      const { json } = await httpClient(`${API_URL}/district-settings/${settings.id}`, {
        method: 'PUT',
        body: JSON.stringify(body),
      });
      onSaved(json as ReminderSettings);
      setError(null);
      notify('Reminder delays saved; the next daily run uses them', { type: 'success' });
    } catch (e) {
      const err = e as { status?: number; message: string };
      if (err.status === 409) {
        notify('Someone else changed the settings meanwhile: the current values are shown again.', {
          type: 'warning',
        });
        onConflict();
      } else setError(err.message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Box component="section" aria-labelledby="reminders-title" sx={{ mt: 4 }}>
      <Typography id="reminders-title" variant="h6" component="h2">
        Reminders
      </Typography>
      <Typography sx={{ mt: 1 }}>
        Each day Emerge reminds people of what still waits for them, after these delays, and again after each further
        delay while it waits. Leave a field empty to turn that reminder off.
      </Typography>
      {error && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {error}
        </Alert>
      )}
      {canEdit ? (
        <Box
          component="form"
          sx={{ mt: 2, display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {FIELDS.map((f) => (
            <TextField
              key={f.field}
              label={`${f.label} (${f.unit})`}
              type="number"
              value={values[f.field]}
              onChange={(e) => setValues((v) => ({ ...v, [f.field]: e.target.value }))}
              slotProps={{ htmlInput: { min: 1, max: f.max, step: 1 } }}
              error={!!problem(f)}
              helperText={problem(f) ?? `Reminds ${f.who}; empty: off`}
            />
          ))}
          <Box>
            <Button type="submit" variant="contained" disabled={invalid || saving || !changed}>
              Save reminders
            </Button>
          </Box>
        </Box>
      ) : (
        <Box component="ul" sx={{ mt: 1 }}>
          {FIELDS.map((f) => (
            <li key={f.field}>
              {f.label}: {settings[f.field] === null ? 'off' : `after ${settings[f.field]} ${f.unit}`}
            </li>
          ))}
        </Box>
      )}
    </Box>
  );
}
