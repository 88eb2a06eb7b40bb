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
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Show, useCanAccess, useGetList, useNotify, useRecordContext } from 'react-admin';
import { Link } from 'react-router-dom';
import { useAggregate } from '../../dashboard/api';
import { EquityFigure } from '../../dashboard/PeopleFigures';
import type { Equity } from '../../dashboard/types';
import { formatDate } from '../../layout/dates';
import { useIsPhone } from '../../layout/useIsPhone';
import { API_URL, httpClient } from '../../providers/httpClient';
import { bandName } from '../candidates/ReadinessPanel';
import { READINESS, stageName } from '../choices';
import { STAGE_MOVES, STRENGTHS } from './choices';

interface DecisionState {
  readiness: string | null;
  stage: string | null;
  opportunityId: string | null;
}
interface Gap {
  competencyId: string;
  code: string;
  title: string;
  targetLevel: number;
  currentLevel: number | null;
}
interface Person {
  candidateId: string;
  firstName: string;
  lastName: string;
  schoolName: string | null;
  roleTitle: string;
  stage: string;
  readiness: string;
  readinessConfirmedAt: string | null;
  row: string;
  /** The moves a decision may take now (the API's stage rules). */
  stageMoves: string[];
  strength: string;
  strengthDetail: string;
  targetsMet: number;
  targetsTotal: number;
  evidenceCount: number;
  largestGaps: Gap[];
  decision: DecisionState | null;
  rationale: string | null;
}
interface Change {
  id: string;
  candidateId: string;
  candidateName: string;
  before: DecisionState;
  after: DecisionState;
  rationale: string;
  changedByName: string | null;
  changedAt: string;
}
interface SessionData {
  id: string;
  title: string;
  roleId: string | null;
  roleTitle: string | null;
  meetsOn: string | null;
  status: 'open' | 'closed';
  version: number;
  closedAt: string | null;
  closedByName: string | null;
  convenedByName: string | null;
  reviewers: { userId: string; name: string; role: string }[];
  schools: { id: string; name: string }[];
  candidates: Person[];
  more: number;
  changes: Change[];
  canFacilitate: boolean;
  decisionCount: number;
  applied: { confirmations: number; stageMoves: number; assignments: number } | null;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const appliedWords = (a: NonNullable<SessionData['applied']>) =>
  [
    count(a.confirmations, 'readiness confirmation', 'readiness confirmations'),
    count(a.stageMoves, 'stage move', 'stage moves'),
    count(a.assignments, 'assignment', 'assignments'),
  ].join(', ');

const fullName = (p: Pick<Person, 'firstName' | 'lastName'>) => `${p.firstName} ${p.lastName}`;
const strengthName = (id: string) => STRENGTHS.find((s) => s.id === id)?.name ?? id;
const BANDS = READINESS.map((b) => b.id);

function describeDecision(d: DecisionState | null, opportunities: Map<string, string>): string {
  if (!d) return 'No decision';
  const parts = [];
  if (d.readiness) parts.push(`confirm ${bandName(d.readiness).toLowerCase()}`);
  if (d.stage) parts.push(`move to ${stageName(d.stage).toLowerCase()}`);
  if (d.opportunityId) parts.push(`assign ${opportunities.get(d.opportunityId) ?? 'an opportunity'}`);
  return parts.length ? parts.join('; ') : 'No decision';
}

/** A person's name as a button: opens their profile and, for the facilitator, the decision. */
function PersonButton({ person, onOpen }: { person: Person; onOpen: (p: Person) => void }) {
  return (
    <Button
      size="small"
      variant={person.decision ? 'contained' : 'outlined'}
      onClick={() => onOpen(person)}
      aria-label={`${fullName(person)}${person.decision ? ', decided' : ''}: open`}
      sx={{ textTransform: 'none', m: 0.25 }}
    >
      {fullName(person)}
    </Button>
  );
}

/** Readiness × strength of evidence: a table on wide screens, headed lists on a phone. */
function Grid({ people, onOpen }: { people: Person[]; onOpen: (p: Person) => void }) {
  const phone = useIsPhone();
  const cell = (row: string, strength: string) => people.filter((p) => p.row === row && p.strength === strength);
  if (phone) {
    return (
      <Box>
        <Typography variant="body2" sx={{ mb: 1 }}>
          A filled name has a decision.
        </Typography>
        {BANDS.map((row) => (
          <Box key={row} sx={{ mb: 1.5 }}>
            <Typography variant="subtitle1" component="h3">
              {bandName(row)}
            </Typography>
            {STRENGTHS.map((s) => {
              const list = cell(row, s.id);
              return (
                <Box key={s.id} sx={{ pl: 1 }}>
                  <Typography variant="body2">
                    {s.name}: {list.length}
                  </Typography>
                  {list.length > 0 && (
                    <Box
                      component="ul"
                      aria-label={`${bandName(row)}, ${s.name.toLowerCase()}`}
                      sx={{ listStyle: 'none', p: 0, m: 0 }}
                    >
                      {list.map((p) => (
                        <li key={p.candidateId}>
                          <PersonButton person={p} onOpen={onOpen} />
                        </li>
                      ))}
                    </Box>
                  )}
                </Box>
              );
            })}
          </Box>
        ))}
      </Box>
    );
  }
  return (
    <Table size="small" aria-describedby="grid-help">
      <caption>Confirmed readiness (rows) × strength of evidence (columns); a filled name has a decision</caption>
      <TableHead>
        <TableRow>
          <TableCell component="th" scope="col">
            Readiness
          </TableCell>
          {STRENGTHS.map((s) => (
            <TableCell key={s.id} component="th" scope="col">
              {s.name}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {BANDS.map((row) => (
          <TableRow key={row}>
            <TableCell component="th" scope="row">
              {bandName(row)}
            </TableCell>
            {STRENGTHS.map((s) => {
              const list = cell(row, s.id);
              return (
                <TableCell key={s.id} sx={{ verticalAlign: 'top' }}>
                  <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                    {list.length} {list.length === 1 ? 'person' : 'people'}
                  </Typography>
                  {list.map((p) => (
                    <PersonButton key={p.candidateId} person={p} onOpen={onOpen} />
                  ))}
                </TableCell>
              );
            })}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** A person's profile and, for the facilitator of an open session, the decision with its reason. */
function PersonDialog(props: {
  person: Person;
  session: SessionData;
  opportunities: { id: string; title: string }[];
  onClose: () => void;
  onSaved: (s: SessionData) => void;
}) {
  const { person, session, opportunities, onClose, onSaved } = props;
  const notify = useNotify();
  // Mounted per person (keyed by the caller): the form starts from their standing decision.
  const [readiness, setReadiness] = useState(person.decision?.readiness ?? '');
  const [stage, setStage] = useState(person.decision?.stage ?? '');
  const [opportunityId, setOpportunityId] = useState(person.decision?.opportunityId ?? '');
  const [rationale, setRationale] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const { canAccess: canMove } = useCanAccess({ resource: 'candidates', action: 'move' });
  const { canAccess: canAssign } = useCanAccess({ resource: 'assignments', action: 'create' });
  const decide = session.canFacilitate;

  async function save(takeBack: boolean) {
    setRefusal(null);
    if (!rationale.trim()) {
      setProblem('Say why: the reason is kept with the change, with your name.');
      return;
    }
    try {
      const { json } = await httpClient(`${API_URL}/review-sessions/${session.id}/decisions`, {
        method: 'POST',
        body: JSON.stringify({
          candidateId: person.candidateId,
          readiness: takeBack ? null : readiness || null,
          stage: takeBack ? null : stage || null,
          opportunityId: takeBack ? null : opportunityId || null,
          rationale,
        }),
      });
      notify(
        takeBack ? `Decision about ${fullName(person)} taken back` : `Decision about ${fullName(person)} recorded`,
        {
          type: 'success',
        },
      );
      onSaved(json as SessionData);
      onClose();
    } catch (e) {
      setRefusal((e as Error).message);
    }
  }

  return (
    <Dialog open onClose={onClose} aria-labelledby="person-title" fullWidth maxWidth="sm">
      <DialogTitle id="person-title">{fullName(person)}</DialogTitle>
      <DialogContent>
        <DialogContentText component="div">
          <Typography variant="body2">
            {person.schoolName ?? 'District office'} · {person.roleTitle} candidate · {stageName(person.stage)}
          </Typography>
          <Typography variant="body2">
            Confirmed readiness: {bandName(person.readiness)}
            {person.readinessConfirmedAt ? ` (${formatDate(person.readinessConfirmedAt)})` : ''}
          </Typography>
          <Typography variant="body2">
            {strengthName(person.strength)}: {person.strengthDetail}; {person.targetsMet} of {person.targetsTotal}{' '}
            targets met; {person.evidenceCount} pieces of evidence
          </Typography>
          {person.largestGaps.length > 0 && (
            <>
              <Typography variant="body2" sx={{ mt: 1 }}>
                Largest gaps:
              </Typography>
              <Box component="ul" sx={{ my: 0, pl: 2.5 }}>
                {person.largestGaps.map((g) => (
                  <Typography component="li" variant="body2" key={g.competencyId}>
                    {g.code} {g.title}: level {g.currentLevel ?? 'not yet rated'} of target {g.targetLevel}
                  </Typography>
                ))}
              </Box>
            </>
          )}
          <Typography variant="body2" sx={{ mt: 1 }}>
            <Link to={`/candidates/${person.candidateId}/show`}>Open the candidate’s record</Link>
          </Typography>
          {person.decision && (
            <Typography variant="body2" sx={{ mt: 1 }}>
              <strong>Decision:</strong>{' '}
              {describeDecision(person.decision, new Map(opportunities.map((o) => [o.id, o.title])))}
              {person.rationale ? `. Why: ${person.rationale}` : ''}
            </Typography>
          )}
        </DialogContentText>
        {decide && (
          <Box sx={{ display: 'grid', gap: 2, mt: 2 }}>
            <TextField
              select
              label="Move to readiness row"
              value={readiness}
              onChange={(e) => setReadiness(e.target.value)}
            >
              <MenuItem value="">Keep as confirmed ({bandName(person.readiness)})</MenuItem>
              {READINESS.filter((b) => b.id !== 'not_assessed').map((b) => (
                <MenuItem key={b.id} value={b.id}>
                  Confirm {b.name.toLowerCase()}
                </MenuItem>
              ))}
            </TextField>
            {canMove && (
              <TextField select label="Stage move" value={stage} onChange={(e) => setStage(e.target.value)}>
                <MenuItem value="">No stage move (now {stageName(person.stage).toLowerCase()})</MenuItem>
                {STAGE_MOVES.filter((m) => person.stageMoves?.includes(m.id)).map((s) => (
                  <MenuItem key={s.id} value={s.id}>
                    {s.name}
                  </MenuItem>
                ))}
              </TextField>
            )}
            {canAssign && (
              <TextField
                select
                label="Development action"
                value={opportunityId}
                onChange={(e) => setOpportunityId(e.target.value)}
                helperText="An opportunity to assign when the session closes"
              >
                <MenuItem value="">None</MenuItem>
                {opportunities.map((o) => (
                  <MenuItem key={o.id} value={o.id}>
                    {o.title}
                  </MenuItem>
                ))}
              </TextField>
            )}
            <TextField
              label="Why (kept with the change)"
              value={rationale}
              onChange={(e) => {
                setRationale(e.target.value);
                setProblem(null);
              }}
              required
              multiline
              minRows={2}
              error={problem !== null}
              helperText={problem ?? 'The reviewers who may see this person read it too'}
            />
            {refusal && <Alert severity="error">{refusal}</Alert>}
          </Box>
        )}
      </DialogContent>
      <DialogActions sx={{ flexWrap: 'wrap', gap: 1 }}>
        <Button onClick={onClose}>{decide ? 'Cancel' : 'Close'}</Button>
        {decide && person.decision && <Button onClick={() => void save(true)}>Take back the decision</Button>}
        {decide && (
          <Button variant="contained" onClick={() => void save(false)}>
            Record decision
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}

function Changes({ changes }: { changes: Change[] }) {
  const phone = useIsPhone();
  if (changes.length === 0) {
    return (
      <Typography variant="body2">No moves yet. The facilitator opens a name on the grid to record one.</Typography>
    );
  }
  const words = (s: DecisionState) =>
    [bandName(s.readiness), s.stage ? `→ ${stageName(s.stage).toLowerCase()}` : '', s.opportunityId ? '+ action' : '']
      .filter(Boolean)
      .join(' ');
  if (phone) {
    return (
      <Box component="ol" sx={{ pl: 2.5 }}>
        {changes.map((c) => (
          <Typography component="li" variant="body2" key={c.id} sx={{ mb: 1 }}>
            {formatDate(c.changedAt, true)}, {c.changedByName ?? 'someone'}: {c.candidateName}, {words(c.before)} →{' '}
            {words(c.after)}. Why: {c.rationale}
          </Typography>
        ))}
      </Box>
    );
  }
  return (
    <Table size="small">
      <caption>Every change, oldest first: before, after, who and why</caption>
      <TableHead>
        <TableRow>
          {['When', 'Person', 'Before', 'After', 'By', 'Why'].map((h) => (
            <TableCell key={h} component="th" scope="col">
              {h}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {changes.map((c) => (
          <TableRow key={c.id}>
            <TableCell>{formatDate(c.changedAt, true)}</TableCell>
            <TableCell>{c.candidateName}</TableCell>
            <TableCell>{words(c.before)}</TableCell>
            <TableCell>{words(c.after)}</TableCell>
            <TableCell>{c.changedByName ?? '—'}</TableCell>
            <TableCell>{c.rationale}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Equity for the session's role (or its one school), under the district's disclosure rules: the dashboard's figure. */
function SessionEquity({ session }: { session: SessionData }) {
  const { canAccess } = useCanAccess({ resource: 'dashboard', action: 'equity' });
  const [dimension, setDimension] = useState('gender');
  const filters = {
    roleId: session.roleId ?? '',
    schoolId: session.schools.length === 1 ? session.schools[0]!.id : '',
  };
  const loaded = useAggregate<Equity>('equity', filters, { dimension }, canAccess);
  if (!canAccess) return null;
  return (
    <Box sx={{ mt: 3 }}>
      <Typography variant="body2" sx={{ mb: 1 }}>
        The equity figure covers {session.roleTitle ? `every ${session.roleTitle} candidacy` : 'every candidacy'}
        {filters.schoolId ? ` at ${session.schools[0]!.name}` : ' in the district'}, with the same protection of
        individuals as the dashboard. Decisions never read demographics.
      </Typography>
      <EquityFigure loaded={loaded} dimension={dimension} onDimension={setDimension} />
    </Box>
  );
}

function SessionPage() {
  const record = useRecordContext<SessionData>();
  const notify = useNotify();
  // The record as loaded, then as the last decision or the close answered it.
  const [updated, setSession] = useState<SessionData | null>(null);
  const session = updated ?? record;
  const [open, setOpen] = useState<Person | null>(null);
  const [closing, setClosing] = useState(false);
  const [closeProblem, setCloseProblem] = useState<string | null>(null);
  const { data: opportunityList } = useGetList<{ id: string; title: string }>('opportunities', {
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'title', order: 'ASC' },
  });
  // Coming from the list, react-admin first shows the list's row (no grid) until the session itself loads.
  if (!session?.candidates) return null;
  const opportunities = opportunityList ?? [];
  const opportunityNames = new Map(opportunities.map((o) => [o.id, o.title]));

  async function close() {
    try {
      const { json } = await httpClient(`${API_URL}/review-sessions/${session!.id}/close`, {
        method: 'POST',
        body: JSON.stringify({ version: session!.version }),
      });
      const closed = json as SessionData;
      setSession(closed);
      setClosing(false);
      notify(`Session closed: ${appliedWords(closed.applied!)} applied`, { type: 'success' });
    } catch (e) {
      setCloseProblem((e as Error).message);
    }
  }
  const decided = session.candidates.filter((c) => c.decision);

  return (
    <Box sx={{ p: 2 }}>
      <Typography variant="h5" component="h1">
        {session.title}
      </Typography>
      <Typography variant="body2">
        {session.roleTitle ?? 'Every role'}
        {session.schools.length ? ` · ${session.schools.map((s) => s.name).join(', ')}` : ' · whole district'}
        {session.meetsOn ? ` · meets ${formatDate(session.meetsOn)}` : ''} · convened by {session.convenedByName ?? '—'}
      </Typography>
      <Typography variant="body2">
        Reviewers:{' '}
        {session.reviewers.length ? session.reviewers.map((r) => `${r.name} (${r.role})`).join(', ') : 'none yet'}
      </Typography>
      <Box sx={{ mt: 1, display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Chip
          label={session.status === 'open' ? 'Open' : 'Closed'}
          color={session.status === 'open' ? 'primary' : 'default'}
        />
        {session.closedAt && (
          <Typography variant="body2">
            Closed {formatDate(session.closedAt)} by {session.closedByName ?? '—'}
            {session.applied ? `: ${appliedWords(session.applied)} applied` : ''}
          </Typography>
        )}
        {session.canFacilitate && (
          <Button
            variant="contained"
            onClick={() => {
              setCloseProblem(null);
              setClosing(true);
            }}
          >
            Close session and apply decisions
          </Button>
        )}
      </Box>

      <Box component="section" aria-labelledby="grid-title" tabIndex={0} sx={{ mt: 3, overflowX: 'auto' }}>
        <Typography id="grid-title" variant="h6" component="h2">
          Readiness × evidence
        </Typography>
        <Typography id="grid-help" variant="body2" sx={{ mb: 1 }}>
          Rows are confirmed readiness (or the row this session moved the person to); columns are how well their role’s
          targets are evidenced, never how well they perform.{' '}
          {session.canFacilitate
            ? 'Open a name to see the profile and record a decision with its reason.'
            : 'Open a name to see the profile.'}
        </Typography>
        {session.candidates.length === 0 ? (
          <Typography>
            Nobody to review here: the session lists candidates who accepted their nomination (engaged, developing or
            ready){session.roleTitle ? ` for ${session.roleTitle}` : ''} in your scope.
          </Typography>
        ) : (
          <Grid people={session.candidates} onOpen={setOpen} />
        )}
        {session.more > 0 && (
          <Typography variant="body2">
            {session.more} more people are in this session; narrow it to fewer schools to see everyone on one grid.
          </Typography>
        )}
      </Box>

      {/* Focusable: a wide table scrolls sideways by keyboard too. */}
      <Box component="section" aria-labelledby="changes-title" tabIndex={0} sx={{ mt: 3, overflowX: 'auto' }}>
        <Typography id="changes-title" variant="h6" component="h2">
          Moves and decisions
        </Typography>
        <Changes changes={session.changes} />
      </Box>

      <SessionEquity session={session} />

      {open && (
        <PersonDialog
          key={open.candidateId}
          person={open}
          session={session}
          opportunities={opportunities}
          onClose={() => setOpen(null)}
          onSaved={setSession}
        />
      )}
      <Dialog open={closing} onClose={() => setClosing(false)} aria-labelledby="close-title" fullWidth maxWidth="sm">
        <DialogTitle id="close-title">Close the session and apply its decisions?</DialogTitle>
        <DialogContent>
          <DialogContentText component="div">
            All of these are applied together, or none if one no longer applies:
            <Box component="ul" sx={{ pl: 2.5 }}>
              {decided.map((c) => (
                <li key={c.candidateId}>
                  {fullName(c)}: {describeDecision(c.decision, opportunityNames)}
                </li>
              ))}
            </Box>
            {decided.length === 0 && 'No decisions were recorded: the session closes without changing anyone.'}
          </DialogContentText>
          {closeProblem && (
            <Alert severity="error" sx={{ mt: 1 }}>
              {closeProblem}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setClosing(false)}>Cancel</Button>
          <Button variant="contained" onClick={() => void close()}>
            Close and apply
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}

export function ReviewSessionShow() {
  return (
    <Show title="Talent review" actions={false} component="div">
      <SessionPage />
    </Show>
  );
}
