import {
  Autocomplete,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Button as MuiButton,
  TextField,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { useNotify, useRecordContext, useRefresh } from 'react-admin';
import { TextButton } from '../../layout/TextButton';
import { API_URL, httpClient } from '../../providers/httpClient';
import { stageName } from '../choices';

interface Opportunity {
  id: string;
  title: string;
  seatsLeft: number;
  seats: number;
  endsOn: string | null;
  closed: boolean;
}
export interface CandidateOption {
  id: string;
  firstName: string;
  lastName: string;
  roleTitle: string;
  stage: string;
  schoolName: string | null;
}

export const ASSIGNABLE = ['engaged', 'developing', 'ready', 'placed', 'supported'];
const optionLabel = (c: CandidateOption) =>
  `${c.lastName}, ${c.firstName}: ${c.roleTitle} (${stageName(c.stage)}${c.schoolName ? `, ${c.schoolName}` : ''})`;

export interface AssignDialogProps {
  /**
   * Assign this person (e.g. an educator who said they are interested): their assignable candidacies are the
   * only choices, the first one chosen. Without it the dialog searches all candidates by name.
   */
  preset?: { name: string; candidacies: CandidateOption[] };
  /**
   * Opened by the caller (a button elsewhere, e.g. in a list row that may re-render while the dialog is open):
   * no button of its own; `onClose` when it closes.
   */
  onClose?: () => void;
}

/** Picks an engaged-or-later candidate by name and takes a seat; a full or closed opportunity says so. */
export function AssignDialog({ preset, onClose }: AssignDialogProps) {
  const record = useRecordContext<Opportunity>();
  const notify = useNotify();
  const refresh = useRefresh();
  const controlled = !!onClose;
  const [open, setOpenState] = useState(controlled);
  const setOpen = (value: boolean) => {
    setOpenState(value);
    if (!value) onClose?.();
  };
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<CandidateOption[]>(controlled ? (preset?.candidacies ?? []) : []);
  const [candidate, setCandidate] = useState<CandidateOption | null>(
    controlled ? (preset?.candidacies[0] ?? null) : null,
  );
  const [dueOn, setDueOn] = useState(controlled ? (record?.endsOn ?? '') : '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open || preset) return;
    const filter = JSON.stringify({ stage: ASSIGNABLE, ...(query ? { q: query } : {}) });
    const timer = setTimeout(() => {
      httpClient(`${API_URL}/candidates?filter=${encodeURIComponent(filter)}&range=[0,19]&sort=["lastName","ASC"]`)
        .then(({ json }) => setOptions(json as CandidateOption[]))
        .catch(() => setOptions([]));
    }, 200);
    return () => clearTimeout(timer);
  }, [open, query, preset]);

  if (!record) return null;
  const full = record.seatsLeft <= 0;
  const reset = () => {
    setOpen(true);
    setOptions(preset?.candidacies ?? []);
    setCandidate(preset?.candidacies[0] ?? null);
    setQuery('');
    setDueOn(record.endsOn ?? '');
    setErrors({});
  };
  async function assign() {
    if (!candidate) {
      setErrors({ candidateId: 'Choose a candidate' });
      return;
    }
    setSaving(true);
    try {
      await httpClient(`${API_URL}/assignments`, {
        method: 'POST',
        body: JSON.stringify({ opportunityId: record!.id, candidateId: candidate.id, dueOn: dueOn || null }),
      });
      notify(`${candidate.firstName} ${candidate.lastName} is assigned to "${record!.title}"`, { type: 'success' });
      setOpen(false);
      refresh();
    } catch (e) {
      const err = e as { message: string; body?: { errors?: Record<string, string> } };
      setErrors(err.body?.errors ?? { form: err.message });
    } finally {
      setSaving(false);
    }
  }
  return (
    <>
      {!controlled && (
        <TextButton
          label={record.closed ? 'Closed' : full ? 'No seats left' : preset ? 'Assign' : 'Assign a candidate'}
          aria-label={preset && !full && !record.closed ? `Assign ${preset.name}` : undefined}
          variant={preset ? 'outlined' : 'contained'}
          disabled={full || record.closed}
          onClick={reset}
        />
      )}
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="assign-title" fullWidth maxWidth="sm">
        <DialogTitle id="assign-title">
          Assign {preset ? preset.name : 'a candidate'} to “{record.title}”
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            {record.seatsLeft} of {record.seats} seats left. Candidates who have accepted their nomination (engaged or
            later) can be assigned.
          </DialogContentText>
          <Autocomplete
            options={options}
            value={candidate}
            onChange={(_, v) => setCandidate(v)}
            onInputChange={(_, v, reason) => reason === 'input' && setQuery(v)}
            getOptionLabel={optionLabel}
            isOptionEqualToValue={(a, b) => a.id === b.id}
            filterOptions={(x) => x}
            noOptionsText={preset ? 'No candidacy to assign' : 'No candidate matches; search by last or first name'}
            renderInput={(params) => (
              <TextField
                {...params}
                label={preset ? 'Candidacy' : 'Candidate'}
                margin="normal"
                required
                error={!!errors.candidateId}
                helperText={
                  errors.candidateId ??
                  (preset ? 'Their candidacy: the leadership role it is for' : 'Type a name to search')
                }
              />
            )}
          />
          <TextField
            label="Due on"
            type="date"
            value={dueOn}
            onChange={(e) => setDueOn(e.target.value)}
            fullWidth
            margin="normal"
            slotProps={{ inputLabel: { shrink: true } }}
            error={!!errors.dueOn}
            helperText={errors.dueOn ?? 'Defaults to the end of the opportunity'}
          />
          {errors.form && (
            <DialogContentText role="alert" color="error">
              {errors.form}
            </DialogContentText>
          )}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>Cancel</MuiButton>
          <MuiButton onClick={assign} variant="contained" disabled={saving}>
            Assign
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}
