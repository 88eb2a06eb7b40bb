import { Alert, Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useNotify } from 'react-admin';
import { API_URL, httpClient } from '../providers/httpClient';

export interface PensionRule {
  minAge: number | null;
  minYears: number | null;
  ruleOfN: number | null;
}

export interface PensionSettings {
  id: string;
  pensionRules: PensionRule[];
  pensionRulesAreDefault: boolean;
  seatHistorySince: string;
  version: number;
}

type Part = keyof PensionRule;
const PARTS: { part: Part; label: string; min: number; max: number }[] = [
  { part: 'minAge', label: 'Age at least', min: 40, max: 80 },
  { part: 'minYears', label: 'Years of service at least', min: 0, max: 50 },
  { part: 'ruleOfN', label: 'Age + years at least', min: 50, max: 130 },
];
type Row = Record<Part, string>;
const toRow = (r: PensionRule): Row =>
  Object.fromEntries(PARTS.map(({ part }) => [part, r[part] === null ? '' : String(r[part])])) as Row;

/** In words: "age 65 and 5 years of service". */
export const describeRule = (r: PensionRule) =>
  [
    r.minAge !== null && `age ${r.minAge}`,
    r.minYears !== null && `${r.minYears} years of service`,
    r.ruleOfN !== null && `age + years of service ${r.ruleOfN}`,
  ]
    .filter(Boolean)
    .join(' and ');

/** The district's pension rules: when one holds, an educator is retirement-eligible (the vacancy forecast). */
export function PensionRulesSection({
  settings,
  canEdit,
  onSaved,
  onConflict,
}: {
  settings: PensionSettings;
  canEdit: boolean;
  onSaved: (s: PensionSettings) => void;
  onConflict: () => void;
}) {
  const notify = useNotify();
  const [rows, setRows] = useState<Row[]>(() => settings.pensionRules.map(toRow));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const problem = (row: Row, p: (typeof PARTS)[number]) => {
    const v = row[p.part].trim();
    if (v === '') return null;
    const n = Number(v);
    return /^\d+$/.test(v) && n >= p.min && n <= p.max ? null : `A whole number from ${p.min} to ${p.max}, or empty`;
  };
  const emptyRow = (row: Row) => PARTS.every((p) => row[p.part].trim() === '');
  const invalid = rows.length === 0 || rows.some((r) => emptyRow(r) || PARTS.some((p) => problem(r, p)));

  async function save(rules: PensionRule[] | null) {
    setSaving(true);
    try {
      const { json } = await httpClient(`${API_URL}/district-settings/${settings.id}`, {
        method: 'PUT',
        body: JSON.stringify({ pensionRules: rules, version: settings.version }),
      });
      const saved = json as PensionSettings;
      onSaved(saved);
      setRows(saved.pensionRules.map(toRow));
      setError(null);
      notify('Pension rules saved; the forecast uses them from now on', { type: 'success' });
    } catch (e) {
      const err = e as { status?: number; message: string; body?: { errors?: Record<string, string> } };
      if (err.status === 409) {
        notify('Someone else changed the settings meanwhile: the current values are shown again.', { type: 'warning' });
        onConflict();
      } else setError(err.body?.errors?.pensionRules ?? err.message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Box component="section" aria-labelledby="pension-title" sx={{ mt: 4 }}>
      <Typography id="pension-title" variant="h6" component="h2">
        Pension rules
      </Typography>
      <Typography sx={{ mt: 1 }}>
        An educator is retirement-eligible in a school year when one of these rules holds at its end (June 30), from
        their birth year and service start on the roster. The vacancy forecast uses it; without both dates, the
        retirement-eligible year typed on the roster counts. Every part a rule sets must hold; leave a part empty when
        the rule does not use it.
        {settings.pensionRulesAreDefault && ' These are the default rules.'}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        Seat history complete from {settings.seatHistorySince}: the forecast learns the district’s own turnover from the
        school years since.
      </Typography>
      {!canEdit ? (
        <Box component="ul" sx={{ mt: 1 }}>
          {settings.pensionRules.map((r, i) => (
            <li key={i}>{describeRule(r)}</li>
          ))}
        </Box>
      ) : (
        <Box
          component="form"
          sx={{ mt: 2 }}
          onSubmit={(e) => {
            e.preventDefault();
            if (invalid) return;
            void save(
              rows.map(
                (r) =>
                  Object.fromEntries(
                    PARTS.map(({ part }) => [part, r[part].trim() === '' ? null : Number(r[part])]),
                  ) as unknown as PensionRule,
              ),
            );
          }}
        >
          {rows.map((row, i) => (
            <Stack
              key={i}
              component="fieldset"
              direction={{ xs: 'column', sm: 'row' }}
              spacing={2}
              sx={{ border: 0, p: 0, m: 0, mb: 2, alignItems: { sm: 'flex-start' } }}
            >
              <Typography component="legend" sx={{ minWidth: 70, pt: 2 }}>
                Rule {i + 1}
              </Typography>
              {PARTS.map((p) => (
                <TextField
                  key={p.part}
                  label={p.label}
                  type="number"
                  value={row[p.part]}
                  onChange={(e) => {
                    setRows(rows.map((r, j) => (j === i ? { ...r, [p.part]: e.target.value } : r)));
                    setError(null);
                  }}
                  slotProps={{ htmlInput: { min: p.min, max: p.max, step: 1 } }}
                  error={!!problem(row, p)}
                  helperText={problem(row, p) ?? ' '}
                  sx={{ width: { sm: 190 } }}
                />
              ))}
              <Button
                onClick={() => setRows(rows.filter((_, j) => j !== i))}
                disabled={rows.length === 1}
                sx={{ mt: 1 }}
              >
                Remove rule {i + 1}
              </Button>
            </Stack>
          ))}
          {rows.some(emptyRow) && (
            <Alert severity="warning" sx={{ mb: 2 }}>
              A rule needs at least one part.
            </Alert>
          )}
          {error && (
            <Alert severity="error" sx={{ mb: 2 }}>
              {error}
            </Alert>
          )}
          <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap' }}>
            <Button
              onClick={() => setRows([...rows, { minAge: '', minYears: '', ruleOfN: '' }])}
              disabled={rows.length >= 10}
            >
              Add a rule
            </Button>
            <Button type="submit" variant="contained" disabled={invalid || saving}>
              Save pension rules
            </Button>
            {!settings.pensionRulesAreDefault && (
              <Button onClick={() => void save(null)} disabled={saving}>
                Use the default rules
              </Button>
            )}
          </Stack>
        </Box>
      )}
    </Box>
  );
}
