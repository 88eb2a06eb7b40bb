import { Alert, Box, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Show, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { formatDate } from '../../layout/dates';
import { session } from '../../providers/session';
import { DevelopmentPlan } from '../plans/DevelopmentPlan';
import { SharedReflections } from '../reflections/Reflections';
import { EndDialog, MentoringSessions, type Mentorship, post, statusName } from './Mentoring';

const day = (iso: string) => formatDate(iso.slice(0, 10));
const REQUESTERS = new Set(['hr', 'coordinator', 'educator']);

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Card component="section" aria-labelledby={id} variant="outlined">
      <CardContent>
        <Typography id={id} variant="h6" component="h2" sx={{ mb: 1 }}>
          {title}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}

/** The mentor's answer: accept or decline, with a word back. */
function Answer({ mentorship }: { mentorship: Mentorship }) {
  const notify = useNotify();
  const refresh = useRefresh();
  const [answer, setAnswer] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const send = async (accept: boolean) => {
    try {
      await post(`/mentorships/${mentorship.id}/answer`, { accept, answer, version: mentorship.version });
      notify(accept ? `You now mentor ${mentorship.candidateName}` : 'Request declined', { type: 'success' });
      refresh();
    } catch (e) {
      setProblem((e as Error).message);
    }
  };
  return (
    <Section id="answer-title" title="Your answer">
      <Typography variant="body2">
        {mentorship.candidateName} asks you to mentor them on their way to {mentorship.roleTitle}. If you accept, you
        read their development plan and log your sessions; one of your places is taken until it ends.
      </Typography>
      <TextField
        label="A word back (optional)"
        value={answer}
        onChange={(e) => setAnswer(e.target.value)}
        multiline
        minRows={2}
        fullWidth
        slotProps={{ htmlInput: { maxLength: 1000 } }}
        sx={{ mt: 2 }}
      />
      {problem && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {problem}
        </Alert>
      )}
      <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
        <Button variant="contained" onClick={() => void send(true)}>
          Accept
        </Button>
        <Button variant="outlined" onClick={() => void send(false)}>
          Decline
        </Button>
      </Stack>
    </Section>
  );
}

function MentorshipView() {
  const m = useRecordContext<Mentorship>();
  const refresh = useRefresh();
  const [ending, setEnding] = useState(false);
  if (!m) return null;
  const canEnd =
    REQUESTERS.has(session.user()?.role ?? '') &&
    (m.status === 'active' || (m.status === 'requested' && m.yourPart !== 'mentor'));
  const who =
    m.yourPart === 'mentor'
      ? `You mentor ${m.candidateName}`
      : m.yourPart === 'mentee'
        ? `${m.mentorName} mentors you`
        : `${m.mentorName} mentors ${m.candidateName}`;
  return (
    <Stack spacing={2} sx={{ p: { xs: 1, sm: 2 } }}>
      <Box>
        <Typography variant="h5" component="h1">
          {m.status === 'requested' && m.yourPart === 'mentor' ? `${m.candidateName} asks you to mentor them` : who}
        </Typography>
        <Typography variant="body2" sx={{ mt: 0.5 }}>
          Aiming for {m.roleTitle} · {statusName(m.status)} · asked {day(m.requestedAt)}
          {m.answeredAt && ` · answered ${day(m.answeredAt)}`}
          {m.endedAt && ` · ended ${day(m.endedAt)}`} · {m.hours} hours logged
        </Typography>
        {m.message && (
          <Typography variant="body2" sx={{ mt: 1 }}>
            <strong>Their note:</strong> {m.message}
          </Typography>
        )}
        {m.answer && (
          <Typography variant="body2" sx={{ mt: 0.5 }}>
            <strong>The mentor’s answer:</strong> {m.answer}
          </Typography>
        )}
        {canEnd && (
          <Button size="small" sx={{ mt: 1 }} onClick={() => setEnding(true)}>
            {m.status === 'requested' ? 'Withdraw the request' : 'End the mentorship'}
          </Button>
        )}
      </Box>
      {m.status === 'requested' && m.yourPart === 'mentor' && <Answer mentorship={m} />}
      {(m.status === 'active' || m.hours > 0) && (
        <Section id="sessions-title" title="Sessions">
          <MentoringSessions mentorship={m} onLogged={refresh} />
        </Section>
      )}
      {/* The mentor's one window on the record, while the mentorship is active. */}
      {(m.yourPart !== 'mentor' || m.status === 'active') && (
        <Section id="plan-title" title={m.yourPart === 'mentee' ? 'Your development plan' : 'Development plan'}>
          <DevelopmentPlan candidateId={m.candidateId} own={m.yourPart === 'mentee'} readOnly />
        </Section>
      )}
      {m.yourPart === 'mentor' && m.status === 'active' && (
        <Section id="reflections-title" title="Reflections shared with you">
          <SharedReflections educatorId={m.menteeEducatorId} whose={m.candidateName} />
        </Section>
      )}
      {ending && (
        <EndDialog
          mentorship={m}
          onClose={() => setEnding(false)}
          onDone={() => {
            setEnding(false);
            refresh();
          }}
        />
      )}
    </Stack>
  );
}

export function MentorshipShow() {
  return (
    <Show actions={false} title="Mentorship" component="div">
      <MentorshipView />
    </Show>
  );
}
