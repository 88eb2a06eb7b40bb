import { Box, Button, ListItem, ListItemText, List as MuiList, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useGetList } from 'react-admin';
import { Link } from 'react-router-dom';
import { DateText } from '../../layout/dates';
import { API_URL, httpClient } from '../../providers/httpClient';
import { session } from '../../providers/session';
import { BandChip } from '../../resources/candidates/ReadinessPanel';
import { CareerProfile } from '../../resources/careers/CareerProfile';
import { Credentials } from '../../resources/careers/Credentials';
import { ASSIGNMENT_STATUSES, stageName } from '../../resources/choices';
import { HoursPanel } from '../../resources/hours/Hours';
import { MenteesSection, MentorPanel } from '../../resources/mentors/Mentoring';
import { DevelopmentPlan } from '../../resources/plans/DevelopmentPlan';
import { MyReflections } from '../../resources/reflections/Reflections';
import { HomeSection, MiniTable, OverdueChip } from './parts';

interface Candidacy {
  id: string;
  roleTitle: string;
  stage: string;
  daysInStage: number;
}
interface Readiness {
  shared: boolean;
  band?: string;
  rationale?: string | null;
  confirmedAt?: string | null;
  confirmedByName?: string | null;
}
interface Assignment {
  id: string;
  opportunityTitle: string;
  status: string;
  dueOn: string | null;
  overdue: boolean;
  hoursLogged: number;
  expectedHours: number | null;
}
interface Evidence {
  id: string;
  competencyCode: string;
  competencyTitle: string;
  levelLabel: string;
  level: number;
  observedOn: string;
  recorderName: string;
  note: string | null;
}

const NEXT_STEPS: Record<string, string> = {
  identified: 'You have been nominated: open the candidacy to accept or decline.',
  engaged: 'Meet your program coordinator to plan your development; your first assignments follow.',
  developing:
    'Work on your assignments: log your hours and write a reflection when you finish. Each completion adds evidence to your competency profile.',
  ready: 'You are ready for a role. HR considers you when a seat opens; keep adding evidence.',
  placed: 'Congratulations on your new role. Your first year comes with a mentor and check-ins.',
  supported: 'You are in your supported first year: keep meeting your mentor.',
  paused: 'Your candidacy is paused. Talk to HR when you are ready to resume.',
  exited: 'This candidacy has ended.',
};

const statusName = (id: string) => ASSIGNMENT_STATUSES.find((s) => s.id === id)?.name ?? id;

function ReadinessLine({ candidateId }: { candidateId: string }) {
  const [r, setR] = useState<Readiness | null>(null);
  useEffect(() => {
    httpClient(`${API_URL}/candidates/${candidateId}/readiness`)
      .then(({ json }) => setR(json as Readiness))
      .catch(() => setR(null));
  }, [candidateId]);
  if (!r) return null;
  if (!r.shared)
    return (
      <Typography variant="body2" sx={{ mt: 0.5 }}>
        Readiness: your readiness assessment appears here once HR shares it with you.
      </Typography>
    );
  return (
    <Typography variant="body2" component="div" sx={{ mt: 0.5 }}>
      Readiness: <BandChip band={r.band} />
      {r.confirmedByName && ` confirmed by ${r.confirmedByName}`}
      {r.confirmedAt && ` on ${r.confirmedAt.slice(0, 10)}`}
      {r.rationale && `: ${r.rationale}`}
    </Typography>
  );
}

function Journey({ candidacies, overdue }: { candidacies: Candidacy[]; overdue: number }) {
  return (
    <HomeSection id="journey" title="My journey">
      {candidacies.length === 0 ? (
        <Typography>
          You are not in the leadership pipeline yet. When a nomination of you is approved, it appears here for you to
          accept.
        </Typography>
      ) : (
        <MuiList>
          {candidacies.map((c) => (
            <ListItem
              key={c.id}
              divider
              secondaryAction={
                <Button
                  component={Link}
                  to={`/candidates/${c.id}/show`}
                  variant={c.stage === 'identified' ? 'contained' : 'outlined'}
                  aria-label={`${c.stage === 'identified' ? 'Respond' : 'Open'}: ${c.roleTitle}`}
                >
                  {c.stage === 'identified' ? 'Respond' : 'Open'}
                </Button>
              }
              sx={{ pr: 14 }}
            >
              <Box>
                <Typography variant="subtitle1" component="h3">
                  {c.roleTitle}: {stageName(c.stage)}
                </Typography>
                <Typography variant="body2">
                  {c.stage !== 'identified' && `${c.daysInStage} days in this stage. `}
                  <strong>Next step:</strong> {NEXT_STEPS[c.stage] ?? ''}
                  {overdue > 0 &&
                    c.stage === 'developing' &&
                    ` You have ${overdue} overdue assignment${overdue > 1 ? 's' : ''}.`}
                </Typography>
                {c.stage !== 'identified' && c.stage !== 'exited' && <ReadinessLine candidateId={c.id} />}
              </Box>
            </ListItem>
          ))}
        </MuiList>
      )}
    </HomeSection>
  );
}

function MyAssignments({ rows, total }: { rows: Assignment[]; total: number }) {
  return (
    <HomeSection
      id="my-assignments"
      title={`My assignments (${total})`}
      action={
        <Button component={Link} to="/assignments" variant="outlined" size="small">
          All my assignments
        </Button>
      }
    >
      {rows.length === 0 ? (
        <Typography>
          No assignment yet: your coordinator assigns leadership experiences once you are engaged.
        </Typography>
      ) : (
        <MiniTable
          label="My assignments"
          head={['Opportunity', 'Status', 'Due', 'Hours logged']}
          rows={rows.map((a) => ({
            key: a.id,
            cells: [
              <Link key="a" to={`/assignments/${a.id}/show`}>
                {a.opportunityTitle}
              </Link>,
              statusName(a.status),
              a.overdue ? <OverdueChip due={a.dueOn} /> : a.dueOn ? <DateText value={a.dueOn} /> : '—',
              a.expectedHours ? `${a.hoursLogged} of ${a.expectedHours}` : a.hoursLogged,
            ],
          }))}
        />
      )}
    </HomeSection>
  );
}

function RecentEvidence({ candidateIds }: { candidateIds: string[] }) {
  const { data, total, isPending } = useGetList<Evidence>('evidence', {
    filter: { candidateId: candidateIds },
    sort: { field: 'observedOn', order: 'DESC' },
    pagination: { page: 1, perPage: 5 },
  });
  return (
    <HomeSection id="evidence" title="Recent evidence">
      {isPending ? (
        <Typography>Loading…</Typography>
      ) : !data?.length ? (
        <Typography>No evidence yet. Completed assignments and observations are recorded here.</Typography>
      ) : (
        <>
          <Typography variant="body2">
            The latest {data.length} of {total} ratings on your competencies; your candidacy page shows your whole
            profile.
          </Typography>
          <MiniTable
            label="Recent evidence"
            head={['Competency', 'Level', 'Observed', 'Recorded by']}
            rows={data.map((e) => ({
              key: e.id,
              cells: [
                `${e.competencyCode}: ${e.competencyTitle}`,
                `${e.level} (${e.levelLabel})`,
                e.observedOn,
                e.recorderName,
              ],
            }))}
          />
        </>
      )}
    </HomeSection>
  );
}

function WhyNominated() {
  const { data } = useGetList('nominations', {
    filter: { educatorId: session.user()?.educatorId, status: 'approved' },
    pagination: { page: 1, perPage: 20 },
  });
  if (!data?.length) return null;
  return (
    <HomeSection id="why" title="Why you were nominated">
      <MuiList>
        {data.map((n) => (
          <ListItem key={n.id} divider>
            <ListItemText primary={`${n.targetRoleTitle}, by ${n.nominatorName}`} secondary={n.rationale} />
          </ListItem>
        ))}
      </MuiList>
    </HomeSection>
  );
}

const PLAN_STAGES = new Set(['engaged', 'developing', 'ready', 'placed', 'supported']);

/** The plan of each candidacy that has accepted its nomination. */
function MyPlans({ candidacies }: { candidacies: Candidacy[] }) {
  const withPlans = candidacies.filter((c) => PLAN_STAGES.has(c.stage));
  return (
    <>
      {withPlans.map((c) => (
        <HomeSection
          key={c.id}
          id={`plan-${c.id}`}
          title={withPlans.length > 1 ? `Your development plan: ${c.roleTitle}` : 'Your development plan'}
        >
          <DevelopmentPlan candidateId={c.id} own />
          <Box component="section" aria-labelledby={`mentor-${c.id}`} sx={{ mt: 3 }}>
            <Typography id={`mentor-${c.id}`} component="h3" variant="subtitle1" sx={{ fontWeight: 600 }}>
              Your mentor
            </Typography>
            <MentorPanel candidateId={c.id} own />
          </Box>
          <Box component="section" aria-labelledby={`hours-${c.id}`} sx={{ mt: 3 }}>
            <Typography id={`hours-${c.id}`} component="h3" variant="subtitle1" sx={{ fontWeight: 600 }}>
              Your hours
            </Typography>
            <HoursPanel candidateId={c.id} />
          </Box>
        </HomeSection>
      ))}
    </>
  );
}

function MyCareerProfile() {
  const educatorId = session.user()?.educatorId;
  if (!educatorId) return null;
  return (
    <HomeSection id="career" title="Your career profile">
      <CareerProfile educatorId={educatorId} canEdit own />
      <Credentials educatorId={educatorId} canEdit canVerify={false} own />
    </HomeSection>
  );
}

/** Educators: their journey (stage, next step, readiness once shared), assignments and evidence. */
export function EducatorHome() {
  const { data: candidacies, isPending } = useGetList<Candidacy>('candidates', {
    pagination: { page: 1, perPage: 50 },
    sort: { field: 'createdAt', order: 'DESC' },
  });
  const { data: assignments, total } = useGetList<Assignment>('assignments', {
    filter: { status: ['assigned', 'in_progress', 'completed'] },
    sort: { field: 'dueOn', order: 'ASC' },
    pagination: { page: 1, perPage: 10 },
  });
  if (isPending) return null;
  const list = candidacies ?? [];
  const open = (assignments ?? []).filter((a) => a.status !== 'completed');
  const done = (assignments ?? []).filter((a) => a.status === 'completed');
  const ids = list.map((c) => c.id);
  return (
    <Stack spacing={2}>
      <Journey candidacies={list} overdue={open.filter((a) => a.overdue).length} />
      <MyPlans candidacies={list} />
      {list.length > 0 && <MyAssignments rows={[...open, ...done]} total={total ?? 0} />}
      {ids.length > 0 && <RecentEvidence candidateIds={ids} />}
      {session.user()?.educatorId && (
        <HomeSection id="reflections" title="Your reflections">
          <MyReflections candidateId={list.find((c) => PLAN_STAGES.has(c.stage))?.id ?? null} />
        </HomeSection>
      )}
      <MenteesSection />
      <WhyNominated />
      <MyCareerProfile />
    </Stack>
  );
}
