import EditIcon from '@mui/icons-material/Edit';
import {
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  MenuItem,
  Button as MuiButton,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useCreatePath, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { TextButton } from '../../layout/TextButton';
import { API_URL, httpClient } from '../../providers/httpClient';
import { session } from '../../providers/session';

export interface Assignment {
  id: string;
  status: string;
  version: number;
  educatorId: string;
  firstName: string;
  lastName: string;
  opportunityTitle: string;
  competencies: {
    id: string;
    code: string;
    title: string;
    frameworkShortName: string;
    rubric: { level: number; label: string }[];
  }[];
}

type Errors = Record<string, string>;

async function post(path: string, body: object) {
  return httpClient(`${API_URL}${path}`, { method: 'POST', body: JSON.stringify(body) });
}

/** Start, log work, complete (with a level per developed competency) or withdraw: what this user may do now. */
export function AssignmentActions() {
  const record = useRecordContext<Assignment>();
  const notify = useNotify();
  const createPath = useCreatePath();
  const refresh = useRefresh();
  const { canAccess: canManage } = useCanAccess({ resource: 'assignments', action: 'complete' });
  const [dialog, setDialog] = useState<null | 'complete' | 'withdraw'>(null);
  const [levels, setLevels] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  if (!record) return null;
  const open = record.status === 'assigned' || record.status === 'in_progress';
  const own = session.user()?.educatorId === record.educatorId;
  const canLog = open && (own || canManage);

  const openDialog = (d: 'complete' | 'withdraw') => {
    setDialog(d);
    setLevels({});
    setNote('');
    setErrors({});
  };
  async function run(action: () => Promise<unknown>, done: string) {
    setSaving(true);
    try {
      await action();
      notify(done, { type: 'success' });
      setDialog(null);
      refresh();
    } catch (e) {
      const err = e as { status?: number; message: string; body?: { errors?: Errors } };
      if (err.status === 409 && !dialog) {
        notify(err.message, { type: 'warning' });
        refresh();
      } else setErrors(err.body?.errors ?? { form: err.message });
    } finally {
      setSaving(false);
    }
  }
  const start = () => run(() => post(`/assignments/${record.id}/start`, { version: record.version }), 'Started');
  const complete = () =>
    run(
      () =>
        post(`/assignments/${record.id}/completion`, {
          levels: record.competencies.map((c) => ({ competencyId: c.id, level: Number(levels[c.id] ?? 0) })),
          note: note || undefined,
          version: record.version,
        }),
      'Completed: the confirmed levels are now evidence on the candidate’s profile',
    );
  const withdraw = () =>
    run(
      () => post(`/assignments/${record.id}/withdrawal`, { reason: note, version: record.version }),
      'Withdrawn: the seat is free again',
    );
  const levelError = (i: number) => errors[`levels[${i}].level`] ?? errors[`levels[${i}].competencyId`];

  return (
    <>
      {record.status === 'assigned' && (own || canManage) && <TextButton label="Start" onClick={start} />}
      {canLog && (
        <TextButton
          to={createPath({ resource: 'assignments', id: record.id, type: 'edit' })}
          label={own ? 'Log hours and reflection' : 'Log hours or move the due date'}
          icon={<EditIcon />}
        />
      )}
      {canManage && record.status === 'in_progress' && (
        <TextButton label="Complete" variant="contained" onClick={() => openDialog('complete')} />
      )}
      {canManage && open && <TextButton label="Withdraw" onClick={() => openDialog('withdraw')} />}
      <Dialog
        open={dialog !== null}
        onClose={() => setDialog(null)}
        aria-labelledby="assignment-dialog-title"
        fullWidth
      >
        <DialogTitle id="assignment-dialog-title">
          {dialog === 'complete' ? 'Complete' : 'Withdraw from'} “{record.opportunityTitle}”: {record.firstName}{' '}
          {record.lastName}
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            {dialog === 'complete'
              ? 'Confirm the level the candidate showed on each competency this opportunity develops. Each becomes opportunity-completion evidence on their profile.'
              : 'The candidate leaves the opportunity and the seat becomes free. The reason is kept with the assignment.'}
          </DialogContentText>
          {dialog === 'complete' &&
            record.competencies.map((c, i) => (
              <TextField
                key={c.id}
                select
                label={`${c.frameworkShortName} ${c.code}: ${c.title}`}
                value={levels[c.id] ?? ''}
                onChange={(e) => setLevels({ ...levels, [c.id]: e.target.value })}
                fullWidth
                margin="normal"
                required
                error={!!levelError(i)}
                helperText={levelError(i) ?? ' '}
              >
                {c.rubric.map((r) => (
                  <MenuItem key={r.level} value={String(r.level)}>
                    {r.level} {r.label}
                  </MenuItem>
                ))}
              </TextField>
            ))}
          <TextField
            label={dialog === 'complete' ? 'What the candidate showed (optional)' : 'Reason (required)'}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            fullWidth
            multiline
            minRows={2}
            margin="normal"
            error={!!(errors.reason ?? errors.note)}
            helperText={errors.reason ?? errors.note ?? ' '}
          />
          {(errors.form ?? errors.levels) && (
            <DialogContentText role="alert" color="error">
              {errors.form ?? errors.levels}
            </DialogContentText>
          )}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setDialog(null)}>Cancel</MuiButton>
          <MuiButton variant="contained" disabled={saving} onClick={dialog === 'complete' ? complete : withdraw}>
            {dialog === 'complete' ? 'Complete and record evidence' : 'Withdraw'}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}
