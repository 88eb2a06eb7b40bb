import {
  Alert,
  Box,
  Button,
  Checkbox,
  Chip,
  Dialog,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { HttpError, useNotify } from 'react-admin';
import { Link } from 'react-router-dom';
import { DateText, formatDate } from '../../layout/dates';
import { DialogProblem, DialogSaveActions } from '../../layout/DialogSave';
import { OverdueChip } from '../../pages/home/parts';
import { API_URL, httpClient } from '../../providers/httpClient';
import { session } from '../../providers/session';

export interface PlanAction {
  id: string;
  competencyId: string | null;
  competencyCode: string | null;
  competencyTitle: string | null;
  kind: 'opportunity' | 'mentor_conversation' | 'reflection' | 'other';
  opportunityId: string | null;
  opportunityTitle: string | null;
  description: string;
  owner: 'candidate' | 'coordinator' | 'mentor';
  dueOn: string | null;
  doneAt: string | null;
  assignmentId: string | null;
  overdue: boolean;
}
interface Plan {
  id: string;
  number: number;
  status: 'draft' | 'agreed' | 'superseded';
  candidateAgreedAt: string | null;
  coordinatorAgreedAt: string | null;
  coordinatorAgreedBy: string | null;
  agreedAt: string | null;
  actions: PlanAction[];
  version: number;
}
interface Plans {
  agreed: Plan | null;
  draft: Plan | null;
  versions: { id: string; number: number; status: string; agreedAt: string | null }[];
}

const OWNERS = [
  { id: 'candidate', name: 'Candidate' },
  { id: 'coordinator', name: 'Coordinator' },
  { id: 'mentor', name: 'Mentor' },
] as const;
const KIND_NAMES: Record<PlanAction['kind'], string> = {
  opportunity: 'Experience',
  mentor_conversation: 'Mentor conversation',
  reflection: 'Reflection',
  other: 'Action',
};
const MANAGES = new Set(['hr', 'coordinator', 'educator']);

/**
 * A candidacy's development plan: the plan in force with its progress, the draft being agreed, and the way
 * to draft, edit, agree and revise it. `own`: the candidate's own view (second person).
 */
export function DevelopmentPlan({
  candidateId,
  own,
  readOnly = false,
}: {
  candidateId: string;
  own: boolean;
  /** Shown, not worked on (a mentor's view; the mentorship page). */
  readOnly?: boolean;
}) {
  const notify = useNotify();
  const role = session.user()?.role ?? '';
  const canManage = !readOnly && MANAGES.has(role);
  const side = role === 'educator' ? 'candidate' : 'coordinator';
  const [plans, setPlans] = useState<Plans | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const load = useCallback(() => {
    httpClient(`${API_URL}/candidates/${candidateId}/development-plan`)
      .then(({ json }) => setPlans(json as Plans))
      .catch((e: Error) => setError(e.message));
  }, [candidateId]);
  useEffect(load, [load]);

  const act = async (url: string, body: object, done: string) => {
    try {
      await httpClient(`${API_URL}${url}`, { method: 'POST', body: JSON.stringify(body) });
      setProblem(null);
      notify(done, { type: 'success' });
    } catch (e) {
      setProblem((e as Error).message);
    }
    load();
  };

  if (error)
    return (
      <Alert severity="error">The development plan could not be loaded: {error}. Reload the page to try again.</Alert>
    );
  if (!plans) return null;
  const { agreed, draft } = plans;
  const agreedByMe = draft && (side === 'candidate' ? draft.candidateAgreedAt : draft.coordinatorAgreedAt);
  return (
    <Box>
      {problem && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {problem}
        </Alert>
      )}
      {!agreed && !draft && (
        <Typography variant="body2">
          {own
            ? 'You have no development plan yet. A draft starts from the gaps in your competency profile; you and your coordinator then agree it.'
            : 'No development plan yet. A draft starts from the gaps in the competency profile; the candidate and a coordinator then agree it.'}
        </Typography>
      )}
      {canManage && !draft && (
        <Button
          variant="outlined"
          sx={{ mt: 1, mb: 2 }}
          onClick={() =>
            void act(
              `/candidates/${candidateId}/development-plan`,
              {},
              agreed ? 'A revision is open as a draft' : 'A plan is drafted from the gaps',
            )
          }
        >
          {agreed ? 'Revise the plan' : 'Draft a plan from the gaps'}
        </Button>
      )}
      {draft && (
        <Box component="section" aria-labelledby={`draft-${draft.id}`} sx={{ mb: 3 }}>
          <Typography id={`draft-${draft.id}`} component="h3" variant="subtitle1" sx={{ fontWeight: 600 }}>
            Draft plan {draft.number}
          </Typography>
          <Typography variant="body2">
            {draft.candidateAgreedAt
              ? `${own ? 'You' : 'The candidate'} agreed on ${formatDate(draft.candidateAgreedAt)}`
              : `Waiting for ${own ? 'you' : 'the candidate'} to agree`}
            {' · '}
            {draft.coordinatorAgreedAt
              ? `${draft.coordinatorAgreedBy ?? 'A coordinator'} agreed on ${formatDate(draft.coordinatorAgreedAt)}`
              : 'Waiting for a coordinator to agree'}
            . It comes into force once both have agreed to the same version; any change asks both again.
          </Typography>
          <ActionList actions={draft.actions} label={`Actions of draft plan ${draft.number}`} own={own} />
          {canManage && (
            <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap', rowGap: 1 }}>
              <Button variant="outlined" onClick={() => setEditing(true)}>
                Edit actions
              </Button>
              {!agreedByMe && (
                <Button
                  variant="contained"
                  onClick={() =>
                    void act(
                      `/development-plans/${draft.id}/agreement`,
                      { version: draft.version },
                      'You agreed to the plan',
                    )
                  }
                >
                  Agree to this plan
                </Button>
              )}
            </Stack>
          )}
          {editing && (
            <EditPlanDialog
              plan={draft}
              onClose={() => setEditing(false)}
              onSaved={() => {
                setEditing(false);
                load();
              }}
            />
          )}
        </Box>
      )}
      {agreed && (
        <Box component="section" aria-labelledby={`agreed-${agreed.id}`}>
          <Typography id={`agreed-${agreed.id}`} component="h3" variant="subtitle1" sx={{ fontWeight: 600 }}>
            Plan in force (plan {agreed.number})
          </Typography>
          <Typography variant="body2">
            Agreed on {formatDate(agreed.agreedAt!)}: {agreed.actions.filter((a) => a.doneAt).length} of{' '}
            {agreed.actions.length} actions done. Completing an experience ticks its action.
          </Typography>
          <ActionList
            actions={agreed.actions}
            label={`Actions of plan ${agreed.number}`}
            own={own}
            canTick={(a) =>
              // An experience is ticked by its assignment's completion; what that ticked stays ticked.
              !a.assignmentId && !(a.kind === 'opportunity' && side === 'candidate' && !a.doneAt)
            }
            onTick={
              canManage
                ? (a, done) =>
                    void act(
                      `/plan-actions/${a.id}/completion`,
                      { done },
                      done ? `Done: ${a.description}` : `Not done: ${a.description}`,
                    )
                : undefined
            }
          />
        </Box>
      )}
      {plans.versions.some((v) => v.status === 'superseded') && (
        <Typography variant="body2" sx={{ mt: 2 }}>
          Earlier plans, kept as agreed:{' '}
          {plans.versions
            .filter((v) => v.status === 'superseded')
            .map((v) => `plan ${v.number} (agreed ${v.agreedAt ? formatDate(v.agreedAt) : '—'})`)
            .join(', ')}
          .
        </Typography>
      )}
    </Box>
  );
}

function ActionList({
  actions,
  label,
  own,
  onTick,
  canTick = () => true,
}: {
  actions: PlanAction[];
  label: string;
  own: boolean;
  onTick?: (a: PlanAction, done: boolean) => void;
  canTick?: (a: PlanAction) => boolean;
}) {
  if (actions.length === 0) return <Typography variant="body2">No actions yet.</Typography>;
  const owner = (o: PlanAction['owner']) => (o === 'candidate' && own ? 'you' : o);
  return (
    <Stack component="ul" aria-label={label} spacing={1} sx={{ listStyle: 'none', p: 0, m: 0, mt: 1 }}>
      {actions.map((a) => (
        <Box
          component="li"
          key={a.id}
          sx={{ borderLeft: 3, borderColor: a.doneAt ? 'success.main' : 'divider', pl: 1.5 }}
        >
          {onTick ? (
            <FormControlLabel
              control={
                <Checkbox
                  checked={Boolean(a.doneAt)}
                  disabled={!canTick(a)}
                  onChange={(e) => onTick(a, e.target.checked)}
                />
              }
              label={a.description}
            />
          ) : (
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {a.doneAt ? '✓ ' : ''}
              {a.description}
            </Typography>
          )}
          <Typography
            variant="body2"
            component="div"
            sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center' }}
          >
            <span>
              {KIND_NAMES[a.kind]}
              {a.competencyCode && ` · ${a.competencyCode}`} · by {owner(a.owner)}
            </span>
            {a.opportunityId && a.opportunityTitle && (
              <Link to={`/opportunities/${a.opportunityId}/show`}>{a.opportunityTitle}</Link>
            )}
            {a.doneAt ? (
              <Chip size="small" variant="outlined" color="success" label={`Done ${formatDate(a.doneAt)}`} />
            ) : a.overdue ? (
              <OverdueChip due={a.dueOn} />
            ) : (
              a.dueOn && (
                <span>
                  due <DateText value={a.dueOn} />
                </span>
              )
            )}
          </Typography>
        </Box>
      ))}
    </Stack>
  );
}

type Editable = Pick<PlanAction, 'competencyId' | 'kind' | 'opportunityId' | 'description' | 'owner' | 'dueOn'>;

function EditPlanDialog({ plan, onClose, onSaved }: { plan: Plan; onClose: () => void; onSaved: () => void }) {
  const notify = useNotify();
  const [rows, setRows] = useState<(Editable & { key: string; label: string; id?: string })[]>(() =>
    plan.actions.map((a) => ({
      key: a.id,
      // Sent back, so what was done of it stays done.
      id: a.id,
      label: [KIND_NAMES[a.kind], a.competencyCode, a.opportunityTitle].filter(Boolean).join(' · '),
      competencyId: a.competencyId,
      kind: a.kind,
      opportunityId: a.opportunityId,
      description: a.description,
      owner: a.owner,
      dueOn: a.dueOn,
    })),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const update = (i: number, patch: Partial<Editable>) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  async function save() {
    try {
      await httpClient(`${API_URL}/development-plans/${plan.id}`, {
        method: 'PUT',
        body: JSON.stringify({
          version: plan.version,
          actions: rows.map(({ key: _k, label: _l, ...a }) => a),
        }),
      });
      notify('Plan saved: both sides agree to it again', { type: 'success' });
      onSaved();
    } catch (e) {
      setErrors(((e as HttpError).body as { errors?: Record<string, string> } | undefined)?.errors ?? {});
      setProblem((e as Error).message);
    }
  }
  return (
    <Dialog open onClose={onClose} aria-labelledby="edit-plan-title" fullWidth maxWidth="md">
      <DialogTitle id="edit-plan-title">Edit draft plan {plan.number}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {rows.map((r, i) => (
            <Box component="li" key={r.key} sx={{ borderTop: 1, borderColor: 'divider', pt: 1 }}>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {i + 1}. {r.label}
              </Typography>
              <TextField
                label={`Action ${i + 1}`}
                value={r.description}
                onChange={(e) => update(i, { description: e.target.value })}
                error={Boolean(errors[`actions.${i}.description`])}
                helperText={errors[`actions.${i}.description`]}
                multiline
                fullWidth
                margin="dense"
              />
              <Stack
                direction={{ xs: 'column', sm: 'row' }}
                spacing={{ xs: 0, sm: 2 }}
                sx={{ alignItems: { sm: 'center' } }}
              >
                <TextField
                  select
                  label={`Who does action ${i + 1}`}
                  value={r.owner}
                  onChange={(e) => update(i, { owner: e.target.value as Editable['owner'] })}
                  margin="dense"
                  sx={{ minWidth: 200 }}
                >
                  {OWNERS.map((o) => (
                    <MenuItem key={o.id} value={o.id}>
                      {o.name}
                    </MenuItem>
                  ))}
                </TextField>
                <TextField
                  type="date"
                  label={`Action ${i + 1} due`}
                  value={r.dueOn ?? ''}
                  onChange={(e) => update(i, { dueOn: e.target.value || null })}
                  margin="dense"
                  slotProps={{ inputLabel: { shrink: true } }}
                />
                <Button onClick={() => setRows(rows.filter((_, j) => j !== i))} aria-label={`Remove action ${i + 1}`}>
                  Remove
                </Button>
              </Stack>
            </Box>
          ))}
        </Stack>
        <Button
          variant="outlined"
          sx={{ mt: 2 }}
          onClick={() =>
            setRows([
              ...rows,
              {
                key: `new-${rows.length}-${Date.now()}`,
                label: KIND_NAMES.other,
                competencyId: null,
                kind: 'other',
                opportunityId: null,
                description: '',
                owner: 'candidate',
                dueOn: null,
              },
            ])
          }
        >
          Add an action
        </Button>
        <DialogProblem problem={problem} />
      </DialogContent>
      <DialogSaveActions onClose={onClose} onSave={() => void save()} />
    </Dialog>
  );
}
