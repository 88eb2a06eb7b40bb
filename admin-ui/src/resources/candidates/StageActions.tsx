import {
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Link,
  Button as MuiButton,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState, type ReactNode } from 'react';
import { useCanAccess, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { TextButton } from '../../layout/TextButton';
import { API_URL, httpClient } from '../../providers/httpClient';
import { session } from '../../providers/session';
import { stageName } from '../choices';
import { ExitReasonSelect } from './ExitReasonSelect';

interface Move {
  to: string;
  reasonRequired: boolean;
  exitReasonRequired: boolean;
}
interface Candidate {
  id: string;
  roleId: string;
  stage: string;
  firstName: string;
  lastName: string;
  roleTitle: string;
  actions?: { transitions: Move[]; canConsent: boolean; canRecordConsent: boolean };
}

const label = (from: string, to: string) => {
  if (to === 'paused') return 'Pause';
  if (to === 'exited') return 'Exit';
  if (from === 'exited') return 'Re-enter';
  if (from === 'paused') return `Resume (${stageName(to)})`;
  return `Move to ${stageName(to)}`;
};

/** Who moves candidates, said to a role that does not. */
const WHO_MOVES: Record<string, string> = {
  principal:
    'HR and the leadership-program coordinators move candidates between stages. You can follow this candidate here and add evidence on the Evidence tab.',
  superintendent:
    'HR and the leadership-program coordinators move candidates between stages. You can confirm readiness on the Readiness tab.',
  educator: 'HR and the leadership-program coordinators move your candidacy between stages as you progress.',
};

/**
 * Why a button is absent (issue #15): the section is never empty. A Ready candidate is placed from a position's
 * bench, not here; a nominee who has not answered moves on by accepting; a role that moves nobody is told who does.
 */
function WhyNoMove({ record, moves }: { record: Candidate; moves: number }) {
  const { canAccess: canPlace } = useCanAccess({ resource: 'positions', action: 'place' });
  const role = session.user()?.role ?? '';
  const notes: ReactNode[] = [];
  if (record.stage === 'ready')
    notes.push(
      <>
        Placement into a seat happens from a position’s bench, not here.{' '}
        {canPlace ? (
          <Link
            component={RouterLink}
            to={`/positions?filter=${encodeURIComponent(JSON.stringify({ roleId: record.roleId }))}`}
          >
            Open the {record.roleTitle} positions
          </Link>
        ) : (
          'HR places candidates when a seat opens.'
        )}
      </>,
    );
  if (record.stage === 'identified' && !record.actions?.canConsent)
    notes.push(
      `Waiting for ${record.firstName} ${record.lastName} to accept the nomination; accepting moves them to Engaged.`,
    );
  if (moves === 0 && WHO_MOVES[role]) notes.push(WHO_MOVES[role]);
  else if (moves === 0 && notes.length === 0)
    notes.push(`No stage move is open from ${stageName(record.stage)} just now.`);
  if (notes.length === 0) return null;
  return (
    <>
      {notes.map((n, i) => (
        <Typography key={i} variant="body2" color="text.secondary" sx={{ flexBasis: '100%' }}>
          {n}
        </Typography>
      ))}
    </>
  );
}

/** Buttons only for the moves this user may make now; a dialog asks for a reason where one is required. */
export function StageActions() {
  const record = useRecordContext<Candidate>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [move, setMove] = useState<Move | null>(null);
  const [consent, setConsent] = useState<null | boolean>(null);
  const [reason, setReason] = useState('');
  const [exitReason, setExitReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  if (!record?.actions) return null;
  const { transitions, canConsent, canRecordConsent } = record.actions;

  const open = (m: Move | null, c: boolean | null = null) => {
    setMove(m);
    setConsent(c);
    setReason('');
    setExitReason('');
    setErrors({});
  };
  async function submit() {
    try {
      if (move) {
        await httpClient(`${API_URL}/candidates/${record!.id}/transitions`, {
          method: 'POST',
          body: JSON.stringify({
            to: move.to,
            reason: reason || undefined,
            exitReason: exitReason || undefined,
            expectedStage: record!.stage,
          }),
        });
        notify(`Moved to ${stageName(move.to)}`, { type: 'success' });
      } else {
        await httpClient(`${API_URL}/candidates/${record!.id}/consent`, {
          method: 'POST',
          body: JSON.stringify({ accepted: consent, reason: reason || undefined }),
        });
        notify(consent ? 'Accepted: welcome to the leadership pipeline' : 'Declined', { type: 'success' });
      }
      open(null);
      refresh();
    } catch (e) {
      const err = e as { status?: number; message: string; body?: { errors?: Record<string, string> } };
      if (err.status === 409) {
        notify(err.message, { type: 'warning' });
        open(null);
        refresh();
      } else setErrors(err.body?.errors ?? { reason: err.message });
    }
  }

  const dialogOpen = move !== null || consent !== null;
  const needsReason = move ? move.reasonRequired : canRecordConsent && !canConsent;
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {canConsent && (
        <>
          <TextButton label="Accept the nomination" variant="contained" onClick={() => open(null, true)} />
          <TextButton label="Decline" onClick={() => open(null, false)} />
        </>
      )}
      {canRecordConsent && !canConsent && (
        <>
          <TextButton label="Record acceptance" onClick={() => open(null, true)} />
          <TextButton label="Record decline" onClick={() => open(null, false)} />
        </>
      )}
      {transitions.map((m) => (
        <TextButton
          key={m.to}
          label={label(record.stage, m.to)}
          variant={m.reasonRequired ? 'outlined' : 'contained'}
          onClick={() => open(m)}
        />
      ))}
      <WhyNoMove
        record={record}
        moves={transitions.length + (canConsent ? 1 : 0) + (canRecordConsent && !canConsent ? 1 : 0)}
      />
      <Dialog open={dialogOpen} onClose={() => open(null)} aria-labelledby="move-title" fullWidth maxWidth="sm">
        <DialogTitle id="move-title">
          {move
            ? `${label(record.stage, move.to)}: ${record.firstName} ${record.lastName}`
            : consent
              ? 'Accept the nomination'
              : 'Decline the nomination'}
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            {move
              ? `From ${stageName(record.stage)} to ${stageName(move.to)}. ${move.reasonRequired ? 'A reason is required and is kept in the history.' : 'A note is optional.'}`
              : canConsent
                ? `You are ${consent ? 'accepting' : 'declining'} the nomination for ${record.roleTitle}.`
                : 'Record the answer the nominee gave in person; say how and when.'}
          </DialogContentText>
          {move?.exitReasonRequired && (
            <ExitReasonSelect value={exitReason} onChange={setExitReason} error={errors.exitReason} />
          )}
          <TextField
            label={needsReason ? 'Reason (required)' : 'Note (optional)'}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            fullWidth
            multiline
            minRows={2}
            margin="normal"
            error={!!(errors.reason || errors.to)}
            helperText={errors.reason ?? errors.to ?? ' '}
            autoFocus
          />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => open(null)}>Cancel</MuiButton>
          <MuiButton variant="contained" onClick={submit}>
            Confirm
          </MuiButton>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}
