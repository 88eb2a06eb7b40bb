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
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { DateText, formatDate } from '../../layout/dates';
import { DialogProblem, DialogSaveActions, useDialogSave } from '../../layout/DialogSave';
import { HomeSection, MiniTable } from '../../pages/home/parts';
import { API_URL, httpClient } from '../../providers/httpClient';
import { session } from '../../providers/session';

export interface Mentorship {
  id: string;
  candidateId: string;
  candidateName: string;
  menteeEducatorId: string;
  roleTitle: string;
  mentorEducatorId: string;
  mentorName: string;
  status: 'requested' | 'active' | 'declined' | 'withdrawn' | 'ended';
  message: string;
  answer: string | null;
  requestedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  hours: number;
  yourPart: 'mentor' | 'mentee' | 'program';
  version: number;
}
interface Suggestion {
  id: string;
  firstName: string;
  lastName: string;
  jobTitle: string | null;
  schoolName: string | null;
  level: string | null;
  room: number | null;
  strengths: string[] | null;
  rank: number | null;
}
interface Session {
  id: string;
  heldOn: string;
  minutes: number;
  topic: string;
  loggedBy: 'mentor' | 'mentee';
}

const LEVELS: Record<string, string> = { classroom: 'Classroom', school: 'School', district: 'District' };
const STATUS: Record<Mentorship['status'], string> = {
  requested: 'Waiting for an answer',
  active: 'Active',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
  ended: 'Ended',
};
const REQUESTERS = new Set(['hr', 'coordinator', 'educator']);
const day = (iso: string) => formatDate(iso.slice(0, 10));
const hoursText = (h: number) => `${h} hour${h === 1 ? '' : 's'}`;
const duration = (minutes: number) =>
  minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;

export const statusName = (s: Mentorship['status']) => STATUS[s];

/** POSTs a JSON body; the message of a refusal is the API's own. */
export async function post(url: string, body: object): Promise<void> {
  await httpClient(`${API_URL}${url}`, { method: 'POST', body: JSON.stringify(body) });
}

async function mentorshipsOf(filter: object): Promise<Mentorship[]> {
  const { json } = await httpClient(
    `${API_URL}/mentorships?filter=${encodeURIComponent(JSON.stringify(filter))}&sort=${encodeURIComponent('["requestedAt","DESC"]')}&range=[0,49]`,
  );
  return json as Mentorship[];
}

/**
 * A candidacy's mentor: the one they have, the request waiting, or the mentors who fit and the way to ask
 * one. `own`: the candidate's view (second person).
 */
export function MentorPanel({ candidateId, own }: { candidateId: string; own: boolean }) {
  const canRequest = REQUESTERS.has(session.user()?.role ?? '');
  const [list, setList] = useState<Mentorship[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [finding, setFinding] = useState(false);
  const [ending, setEnding] = useState<Mentorship | null>(null);
  const load = useCallback(() => {
    mentorshipsOf({ candidateId })
      .then(setList)
      .catch((e: Error) => setError(e.message));
  }, [candidateId]);
  useEffect(load, [load]);

  if (error)
    return <Alert severity="error">The mentor could not be loaded: {error}. Reload the page to try again.</Alert>;
  if (!list) return null;
  const open = list.find((m) => m.status === 'requested' || m.status === 'active');
  const past = list.filter((m) => m !== open);
  return (
    <Box>
      {open?.status === 'active' && (
        <>
          <Typography variant="body2">
            {own ? 'Your mentor is ' : 'Mentor: '}
            <strong>{open.mentorName}</strong>, since {day(open.answeredAt!)}.{' '}
            <Link to={`/mentorships/${open.id}/show`}>
              {hoursText(open.hours)} of mentoring logged: open the sessions
            </Link>
          </Typography>
          {canRequest && (
            <Button size="small" sx={{ mt: 1 }} onClick={() => setEnding(open)}>
              End the mentorship
            </Button>
          )}
        </>
      )}
      {open?.status === 'requested' && (
        <>
          <Typography variant="body2">
            {own ? 'You asked ' : 'Asked '}
            <strong>{open.mentorName}</strong> on {day(open.requestedAt)}: waiting for their answer.
          </Typography>
          {canRequest && (
            <Button size="small" sx={{ mt: 1 }} onClick={() => setEnding(open)}>
              Withdraw the request
            </Button>
          )}
        </>
      )}
      {!open && (
        <>
          <Typography variant="body2">
            {own
              ? 'You have no mentor yet. Choose one of the mentors who fit your path and ask them; they accept or decline.'
              : 'No mentor yet.'}
          </Typography>
          {canRequest && !finding && (
            <Button variant="outlined" size="small" sx={{ mt: 1 }} onClick={() => setFinding(true)}>
              Find a mentor
            </Button>
          )}
          {finding && (
            <Suggestions
              candidateId={candidateId}
              own={own}
              onRequested={() => {
                setFinding(false);
                load();
              }}
            />
          )}
        </>
      )}
      {past.length > 0 && (
        <Typography variant="body2" sx={{ mt: 1, color: 'text.secondary' }}>
          Earlier:{' '}
          {past.map((m, i) => (
            <span key={m.id}>
              {i > 0 && '; '}
              <Link to={`/mentorships/${m.id}/show`}>{m.mentorName}</Link> ({statusName(m.status).toLowerCase()})
            </span>
          ))}
        </Typography>
      )}
      {ending && (
        <EndDialog
          mentorship={ending}
          onClose={() => setEnding(null)}
          onDone={() => {
            setEnding(null);
            load();
          }}
        />
      )}
    </Box>
  );
}

/** Confirms ending a mentorship, or withdrawing a request. */
export function EndDialog({
  mentorship,
  onClose,
  onDone,
}: {
  mentorship: Mentorship;
  onClose: () => void;
  onDone: () => void;
}) {
  const { problem, run } = useDialogSave(onDone);
  const withdraw = mentorship.status === 'requested';
  const end = () =>
    run(
      () => post(`/mentorships/${mentorship.id}/end`, { version: mentorship.version }),
      withdraw ? 'Request withdrawn' : 'Mentorship ended',
    );
  return (
    <Dialog open onClose={onClose} aria-labelledby="end-mentorship-title">
      <DialogTitle id="end-mentorship-title">
        {withdraw
          ? `Withdraw the request to ${mentorship.mentorName}?`
          : `End the mentorship with ${mentorship.mentorName}?`}
      </DialogTitle>
      <DialogContent>
        <DialogContentText>
          {withdraw
            ? 'They will no longer see it. You can then ask another mentor.'
            : 'The mentor no longer reads the development plan and their place is freed. The sessions logged stay on the record.'}
        </DialogContentText>
        <DialogProblem problem={problem} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" color="error" onClick={() => void end()}>
          {withdraw ? 'Withdraw' : 'End'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** The mentors who fit: ranked with their strengths for the program; a shortlist by name for the candidate. */
function Suggestions({
  candidateId,
  own,
  onRequested,
}: {
  candidateId: string;
  own: boolean;
  onRequested: () => void;
}) {
  const [data, setData] = useState<{ gaps: string[]; mentors: Suggestion[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState<Suggestion | null>(null);
  useEffect(() => {
    httpClient(`${API_URL}/candidates/${candidateId}/mentor-suggestions`)
      .then(({ json }) => setData(json as { gaps: string[]; mentors: Suggestion[] }))
      .catch((e: Error) => setError(e.message));
  }, [candidateId]);
  if (error) return <Alert severity="error">The mentors could not be loaded: {error}</Alert>;
  if (!data) return <Typography variant="body2">Loading the mentors who fit…</Typography>;
  const ranked = data.mentors.some((m) => m.rank !== null);
  return (
    <Box component="section" aria-labelledby={`suggestions-${candidateId}`} sx={{ mt: 2 }}>
      <Typography id={`suggestions-${candidateId}`} component="h3" variant="subtitle1" sx={{ fontWeight: 600 }}>
        Mentors who fit
      </Typography>
      <Typography variant="body2">
        {ranked
          ? `Ranked by how many of the gaps (${data.gaps.join(', ') || 'none'}) their own evidence meets, then by room.`
          : `Mentors with room, at the level of the role ${own ? 'you aim' : 'aimed'} for or the next, and not ${own ? 'your' : 'the'} own line manager.`}
      </Typography>
      {data.mentors.length === 0 ? (
        <Alert severity="info" sx={{ mt: 1 }}>
          No mentor has room at this level now. Ask HR to mark more mentors, or try again later.
        </Alert>
      ) : (
        <MiniTable
          label="Mentors who fit"
          head={[
            ...(ranked ? ['Rank'] : []),
            'Mentor',
            'School',
            ...(ranked ? ['Level', 'Room', 'Strong on'] : []),
            'Ask',
          ]}
          rows={data.mentors.map((m) => {
            const name = `${m.firstName} ${m.lastName}`;
            return {
              key: m.id,
              cells: [
                ...(ranked ? [String(m.rank)] : []),
                `${name}${m.jobTitle ? `, ${m.jobTitle}` : ''}`,
                m.schoolName ?? 'District office',
                ...(ranked ? [LEVELS[m.level ?? ''] ?? m.level, String(m.room), m.strengths?.join(', ') || '—'] : []),
                <Button key="ask" size="small" onClick={() => setAsking(m)} aria-label={`Ask ${name}`}>
                  Ask
                </Button>,
              ],
            };
          })}
        />
      )}
      {asking && (
        <RequestDialog
          candidateId={candidateId}
          mentor={asking}
          own={own}
          onClose={() => setAsking(null)}
          onDone={onRequested}
        />
      )}
    </Box>
  );
}

function RequestDialog({
  candidateId,
  mentor,
  own,
  onClose,
  onDone,
}: {
  candidateId: string;
  mentor: Suggestion;
  own: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const [message, setMessage] = useState('');
  const { problem, run } = useDialogSave(onDone);
  const name = `${mentor.firstName} ${mentor.lastName}`;
  const send = () =>
    run(
      () => post(`/candidates/${candidateId}/mentorships`, { mentorEducatorId: mentor.id, message }),
      `Request sent to ${name}`,
    );
  return (
    <Dialog open onClose={onClose} aria-labelledby="request-mentor-title" fullWidth>
      <DialogTitle id="request-mentor-title">
        Ask {name} to mentor {own ? 'you' : 'this candidate'}
      </DialogTitle>
      <DialogContent>
        <DialogContentText>
          {name} gets a notification and accepts or declines. Once they accept, they read the development plan, and
          nothing else of the record.
        </DialogContentText>
        <TextField
          label="A note to the mentor (optional)"
          helperText="What you hope to work on together. Your coordinator and HR read it too."
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          multiline
          minRows={3}
          fullWidth
          slotProps={{ htmlInput: { maxLength: 1000 } }}
          sx={{ mt: 2 }}
        />
        <DialogProblem problem={problem} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={() => void send()}>
          Send the request
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** The sessions of a mentorship, and (the mentor or the mentee, while active) the way to log one. */
export function MentoringSessions({ mentorship, onLogged }: { mentorship: Mentorship; onLogged: () => void }) {
  const [sessions, setSessions] = useState<Session[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [logging, setLogging] = useState(false);
  const canLog = mentorship.status === 'active' && mentorship.yourPart !== 'program';
  const load = useCallback(() => {
    httpClient(`${API_URL}/mentorships/${mentorship.id}/sessions`)
      .then(({ json }) => setSessions(json as Session[]))
      .catch((e: Error) => setError(e.message));
  }, [mentorship.id]);
  useEffect(load, [load]);
  if (error) return <Alert severity="error">The sessions could not be loaded: {error}</Alert>;
  if (!sessions) return null;
  return (
    <Box>
      {sessions.length === 0 ? (
        <Typography variant="body2">
          No session logged yet.{canLog ? ' Log each meeting once it has taken place: either of you may log it.' : ''}
        </Typography>
      ) : (
        <MiniTable
          label="Mentoring sessions"
          head={['Date', 'Length', 'About', 'Logged by']}
          rows={sessions.map((s) => ({
            key: s.id,
            cells: [
              <DateText key="d" value={s.heldOn} />,
              duration(s.minutes),
              s.topic || '—',
              s.loggedBy === 'mentor' ? 'Mentor' : 'Mentee',
            ],
          }))}
        />
      )}
      {canLog && (
        <Button variant="outlined" size="small" sx={{ mt: 1.5 }} onClick={() => setLogging(true)}>
          Log a session
        </Button>
      )}
      {logging && (
        <LogSessionDialog
          mentorshipId={mentorship.id}
          onClose={() => setLogging(false)}
          onDone={() => {
            setLogging(false);
            load();
            onLogged();
          }}
        />
      )}
    </Box>
  );
}

function LogSessionDialog({
  mentorshipId,
  onClose,
  onDone,
}: {
  mentorshipId: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const [heldOn, setHeldOn] = useState(new Date().toISOString().slice(0, 10));
  const [minutes, setMinutes] = useState('60');
  const [topic, setTopic] = useState('');
  const { problem, run } = useDialogSave(onDone);
  const save = () =>
    run(
      () => post(`/mentorships/${mentorshipId}/sessions`, { heldOn, minutes: Number(minutes), topic }),
      'Session logged',
    );
  return (
    <Dialog open onClose={onClose} aria-labelledby="log-session-title" fullWidth>
      <DialogTitle id="log-session-title">Log a mentoring session</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField
            label="Date"
            type="date"
            value={heldOn}
            onChange={(e) => setHeldOn(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
            required
          />
          <TextField
            label="Length in minutes"
            type="number"
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            helperText="From 5 to 720 minutes"
            slotProps={{ htmlInput: { min: 5, max: 720, step: 5 } }}
            required
          />
          <TextField
            label="What it was about (optional)"
            helperText="A line the program reads too: keep private thoughts for your reflections."
            value={topic}
            onChange={(e) => setTopic(e.target.value)}
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
        </Stack>
        <DialogProblem problem={problem} />
      </DialogContent>
      <DialogSaveActions onClose={onClose} onSave={() => void save()} />
    </Dialog>
  );
}

/** The mentor's side on their home: requests to answer and the mentees they have; nothing when there are none. */
export function MenteesSection() {
  const educatorId = session.user()?.educatorId;
  const [list, setList] = useState<Mentorship[] | null>(null);
  useEffect(() => {
    if (!educatorId) return;
    mentorshipsOf({ mentorEducatorId: educatorId, status: ['requested', 'active'] })
      .then(setList)
      .catch(() => setList([]));
  }, [educatorId]);
  if (!list?.length) return null;
  return (
    <HomeSection id="mentoring" title="Mentoring">
      <Typography variant="body2">
        Those you mentor, and the requests waiting for your answer. You read each mentee’s development plan, nothing
        else of their record.
      </Typography>
      <MiniTable
        label="Your mentees"
        head={['Mentee', 'Aiming for', 'Status', 'Hours', 'Open']}
        rows={list.map((m) => ({
          key: m.id,
          cells: [
            m.candidateName,
            m.roleTitle,
            m.status === 'requested' ? (
              <Chip key="s" size="small" color="warning" label="New request" />
            ) : (
              statusName(m.status)
            ),
            String(m.hours),
            <Button
              key="o"
              component={Link}
              to={`/mentorships/${m.id}/show`}
              size="small"
              aria-label={`${m.status === 'requested' ? 'Answer' : 'Open'}: ${m.candidateName}`}
            >
              {m.status === 'requested' ? 'Answer' : 'Open'}
            </Button>,
          ],
        }))}
      />
    </HomeSection>
  );
}
