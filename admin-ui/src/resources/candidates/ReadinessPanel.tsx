import {
  Alert,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  List,
  ListItem,
  ListItemText,
  MenuItem,
  Stack,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { useNotify, useRecordContext, useRefresh } from 'react-admin';
import { formatDate } from '../../layout/dates';
import { API_URL, httpClient } from '../../providers/httpClient';
import { READINESS } from '../choices';

interface Reason {
  code: string;
  message: string;
  competencyId?: string;
}
interface Assessment {
  id: string;
  suggestedBand: string;
  band: string;
  rationale: string;
  confirmedByName: string;
  confirmedAt: string;
}
interface Readiness {
  candidateId: string;
  shared: boolean;
  suggestedBand?: string;
  reasons?: Reason[];
  targetsMet?: number;
  targetsTotal?: number;
  band?: string;
  rationale?: string | null;
  confirmedAt?: string | null;
  confirmedByName?: string | null;
  newEvidenceSinceConfirmation?: number;
  history?: Assessment[];
  candidateVersion?: number;
  actions?: { canConfirm: boolean; canShare: boolean };
}

const CONFIRMABLE = READINESS.filter((b) => b.id !== 'not_assessed');
export const bandName = (id: string | null | undefined) => READINESS.find((b) => b.id === id)?.name ?? '—';
const day = (iso: string | null | undefined) => (iso ? formatDate(iso) : '—');

/** A band as a chip: ready now stands out, the rest stay quiet (and keep their contrast). */
export function BandChip({ band, label }: { band: string | null | undefined; label?: string }) {
  return (
    <Chip
      size="small"
      label={label ?? bandName(band)}
      color={band === 'ready_now' ? 'success' : 'default'}
      variant={band === 'ready_now' ? 'filled' : 'outlined'}
    />
  );
}

/** The candidate's readiness tab: suggestion and its reasons, the confirmed band, history, confirm and share. */
export function ReadinessPanel() {
  const record = useRecordContext<{ id: string; firstName: string; lastName: string }>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [data, setData] = useState<Readiness | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [band, setBand] = useState('');
  const [rationale, setRationale] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const id = record?.id;

  const load = useCallback(() => {
    if (!id) return;
    httpClient(`${API_URL}/candidates/${id}/readiness`)
      .then(({ json }) => setData(json as Readiness))
      .catch((e: Error) => setError(e.message));
  }, [id]);
  useEffect(load, [load]);

  if (!record) return null;
  if (error) return <Typography role="alert">Readiness could not be loaded: {error}</Typography>;
  if (!data) return null;
  if (data.suggestedBand === undefined) {
    return (
      <Typography sx={{ mt: 2 }}>
        Your readiness has not been shared with you yet. Your HR office shares it once it has been reviewed.
      </Typography>
    );
  }

  const openDialog = () => {
    setBand(CONFIRMABLE.some((b) => b.id === data.suggestedBand) ? data.suggestedBand! : '');
    setRationale('');
    setErrors({});
    setOpen(true);
  };
  async function confirm() {
    try {
      await httpClient(`${API_URL}/candidates/${id}/readiness`, {
        method: 'POST',
        body: JSON.stringify({ band, rationale, expectedVersion: data!.candidateVersion }),
      });
      setOpen(false);
      notify(`Readiness confirmed: ${bandName(band)}`, { type: 'success' });
      load();
      refresh();
    } catch (e) {
      const err = e as { status?: number; message: string; body?: { errors?: Record<string, string> } };
      if (err.status === 409) {
        setOpen(false);
        notify(err.message, { type: 'warning' });
        load();
        refresh();
      } else setErrors(err.body?.errors ?? { rationale: err.message });
    }
  }
  async function share(shared: boolean) {
    try {
      await httpClient(`${API_URL}/candidates/${id}/readiness/sharing`, {
        method: 'POST',
        body: JSON.stringify({ shared }),
      });
      notify(shared ? 'Shared with the educator' : 'Hidden from the educator', { type: 'success' });
      load();
      refresh();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  }

  const [summary, ...perTarget] = data.reasons ?? [];
  const isSummary = summary?.code === 'summary';
  const history = data.history ?? [];
  return (
    <Stack spacing={3} sx={{ mt: 2 }}>
      <section aria-labelledby="readiness-confirmed">
        <Typography id="readiness-confirmed" variant="h6" component="h2">
          Confirmed readiness
        </Typography>
        {data.confirmedAt ? (
          <Box>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', my: 1 }}>
              <BandChip band={data.band} />
              <Typography variant="body2">
                by {data.confirmedByName} on {day(data.confirmedAt)}
              </Typography>
            </Stack>
            <Typography variant="body2">Rationale: {data.rationale}</Typography>
          </Box>
        ) : (
          <Typography>Not confirmed yet.</Typography>
        )}
        {(data.newEvidenceSinceConfirmation ?? 0) > 0 && (
          <Alert severity="warning" sx={{ mt: 1 }}>
            {data.newEvidenceSinceConfirmation} piece{data.newEvidenceSinceConfirmation === 1 ? '' : 's'} of evidence
            recorded since this confirmation: worth a fresh look.
          </Alert>
        )}
        <Stack direction="row" spacing={2} sx={{ mt: 1, alignItems: 'center' }}>
          {data.actions?.canConfirm && (
            <Button variant="contained" onClick={openDialog}>
              Confirm readiness
            </Button>
          )}
          {data.actions?.canShare && (
            <FormControlLabel
              control={<Switch checked={data.shared} onChange={(e) => void share(e.target.checked)} />}
              label="Share with the educator"
            />
          )}
          {!data.actions?.canShare && (
            <Typography variant="body2">
              {data.shared ? 'Shared with the educator.' : 'Not shared with the educator.'}
            </Typography>
          )}
        </Stack>
      </section>

      <section aria-labelledby="readiness-suggested">
        <Typography id="readiness-suggested" variant="h6" component="h2">
          Suggested by the evidence
        </Typography>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', my: 1 }}>
          <BandChip band={data.suggestedBand} />
          <Typography variant="body2">
            {data.targetsMet} of {data.targetsTotal} targets met
          </Typography>
        </Stack>
        {isSummary && <Typography>{summary.message}</Typography>}
        <List dense aria-label="Reasons">
          {(isSummary ? perTarget : (data.reasons ?? [])).map((r, i) => (
            <ListItem key={`${r.code}-${r.competencyId ?? i}`} disableGutters>
              <ListItemText
                primary={r.message}
                secondary={
                  {
                    target_met: 'met',
                    single_source: 'met, one source',
                    target_below: 'below target',
                    target_unrated: 'no evidence',
                  }[r.code]
                }
              />
            </ListItem>
          ))}
        </List>
        <Typography variant="body2">
          Ready now needs every target competency met, on evidence from at least two different sources (for example an
          observation and 360° feedback).
        </Typography>
      </section>

      <section aria-labelledby="readiness-history">
        <Typography id="readiness-history" variant="h6" component="h2">
          History
        </Typography>
        {history.length === 0 ? (
          <Typography>No confirmation yet.</Typography>
        ) : (
          <Table size="small" aria-labelledby="readiness-history">
            <TableHead>
              <TableRow>
                <TableCell>Confirmed</TableCell>
                <TableCell>Band</TableCell>
                <TableCell>Suggested then</TableCell>
                <TableCell>By</TableCell>
                <TableCell>Rationale</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {history.map((h) => (
                <TableRow key={h.id}>
                  <TableCell>{day(h.confirmedAt)}</TableCell>
                  <TableCell>{bandName(h.band)}</TableCell>
                  <TableCell>{bandName(h.suggestedBand)}</TableCell>
                  <TableCell>{h.confirmedByName}</TableCell>
                  <TableCell>{h.rationale}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>

      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="confirm-title" fullWidth maxWidth="sm">
        <DialogTitle id="confirm-title">
          Confirm readiness: {record.firstName} {record.lastName}
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            The evidence suggests {bandName(data.suggestedBand)}. The band you confirm is the one that counts on benches
            and dashboards; the rationale is kept with it.
          </DialogContentText>
          <TextField
            select
            label="Band"
            value={band}
            onChange={(e) => setBand(e.target.value)}
            fullWidth
            margin="normal"
            error={!!errors.band}
            helperText={errors.band ?? ' '}
          >
            {CONFIRMABLE.map((b) => (
              <MenuItem key={b.id} value={b.id}>
                {b.name}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label="Rationale (required)"
            value={rationale}
            onChange={(e) => setRationale(e.target.value)}
            fullWidth
            multiline
            minRows={3}
            margin="normal"
            required
            error={!!errors.rationale}
            helperText={errors.rationale ?? 'Why this band: what you saw, and what the evidence does not show.'}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button variant="contained" onClick={() => void confirm()} disabled={!band || !rationale.trim()}>
            Confirm
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}
