import {
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Button as MuiButton,
  TextField as MuiTextField,
} from '@mui/material';
import { useState } from 'react';
import {
  FunctionField,
  Labeled,
  ReferenceField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
  useNotify,
  useRecordContext,
  useRefresh,
} from 'react-admin';
import { DayField } from '../../layout/dates';
import { TextButton } from '../../layout/TextButton';
import { API_URL, httpClient } from '../../providers/httpClient';
import { session } from '../../providers/session';
import { NOMINATION_STATUSES, NOMINATOR_KINDS } from '../choices';

interface Nomination {
  id: string;
  status: string;
  nominatorUserId: string;
  candidateId: string | null;
  privateNote?: string | null;
  educatorFirstName: string;
  educatorLastName: string;
  targetRoleTitle: string;
}

/** hr approves, or declines with a reason the nominator will read. */
function DecisionButtons() {
  const record = useRecordContext<Nomination>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState<null | 'approve' | 'decline'>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!record || record.status !== 'submitted') return null;
  async function decide() {
    try {
      await httpClient(`${API_URL}/nominations/${record!.id}/decision`, {
        method: 'POST',
        body: JSON.stringify({ decision: open, reason: reason || undefined }),
      });
      notify(open === 'approve' ? 'Approved: the candidate is in the pipeline at Identified' : 'Declined', {
        type: 'success',
      });
      setOpen(null);
      refresh();
    } catch (e) {
      const body = (e as { body?: { errors?: Record<string, string> } }).body;
      setError(body?.errors?.reason ?? (e as Error).message);
    }
  }
  const name = `${record.educatorFirstName} ${record.educatorLastName}`;
  return (
    <>
      <TextButton
        label="Approve"
        variant="contained"
        onClick={() => (setOpen('approve'), setReason(''), setError(null))}
      />
      <TextButton label="Decline" onClick={() => (setOpen('decline'), setReason(''), setError(null))} />
      <Dialog open={open !== null} onClose={() => setOpen(null)} aria-labelledby="decision-title">
        <DialogTitle id="decision-title">
          {open === 'approve' ? `Approve ${name}?` : `Decline the nomination of ${name}?`}
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            {open === 'approve'
              ? `${name} becomes a candidate for ${record.targetRoleTitle} at Identified and is asked to accept.`
              : 'The nominator sees your reason. The nominee never sees a declined nomination.'}
          </DialogContentText>
          <MuiTextField
            label={open === 'decline' ? 'Reason (required)' : 'Note (optional)'}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            fullWidth
            multiline
            minRows={2}
            margin="normal"
            error={!!error}
            helperText={error ?? ' '}
            autoFocus
          />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(null)}>Cancel</MuiButton>
          <MuiButton variant="contained" onClick={decide}>
            {open === 'approve' ? 'Approve' : 'Decline'}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}

function WithdrawButton() {
  const record = useRecordContext<Nomination>();
  const notify = useNotify();
  const refresh = useRefresh();
  if (!record || record.status !== 'submitted' || record.nominatorUserId !== session.user()?.id) return null;
  async function withdraw() {
    await httpClient(`${API_URL}/nominations/${record!.id}/withdrawal`, { method: 'POST' });
    notify('Withdrawn', { type: 'info' });
    refresh();
  }
  return <TextButton label="Withdraw" onClick={withdraw} />;
}

function Actions() {
  const { canAccess: canDecide } = useCanAccess({ resource: 'nominations', action: 'decide' });
  return (
    <TopToolbar>
      {canDecide && <DecisionButtons />}
      <WithdrawButton />
    </TopToolbar>
  );
}

function PrivateNote() {
  const record = useRecordContext<Nomination>();
  if (!record || !('privateNote' in record)) return null;
  return (
    <Labeled label="Private note (HR and the nominator only)">
      <TextField source="privateNote" emptyText="—" />
    </Labeled>
  );
}

export function NominationShow() {
  return (
    <Show actions={<Actions />}>
      <SimpleShowLayout>
        <FunctionField label="Nominee" render={(r: Nomination) => `${r.educatorFirstName} ${r.educatorLastName}`} />
        <TextField source="schoolName" label="School" emptyText="District office" />
        <TextField source="targetRoleTitle" label="Target role" />
        <SelectField source="nominatorKind" label="Nominated by" choices={NOMINATOR_KINDS} />
        <TextField source="nominatorName" label="Nominator" />
        <DayField source="createdAt" label="Nominated on" />
        <TextField source="rationale" label="Why" />
        <PrivateNote />
        <SelectField source="status" choices={NOMINATION_STATUSES} />
        <TextField source="decisionReason" label="Decision note" emptyText="—" />
        <DayField source="decidedAt" label="Decided on" emptyText="—" />
        <ReferenceField source="candidateId" reference="candidates" label="Candidacy" emptyText="—" link="show">
          <FunctionField render={(c: { stage: string; roleTitle: string }) => `${c.roleTitle}: ${c.stage}`} />
        </ReferenceField>
      </SimpleShowLayout>
    </Show>
  );
}
