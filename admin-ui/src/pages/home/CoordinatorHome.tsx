import { Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useGetList } from 'react-admin';
import { Link } from 'react-router-dom';
import { DateText } from '../../layout/dates';
import { ASSIGNMENT_STATUSES, OPPORTUNITY_TYPES } from '../../resources/choices';
import { hoursOf } from '../../resources/hours/Hours';
import { HomeSection, isoDay, listUrl, MiniTable, OverdueChip } from './parts';

const ROWS = 8;
const name = (list: { id: string; name: string }[], id: string) => list.find((x) => x.id === id)?.name ?? id;

interface Assignment {
  id: string;
  firstName: string;
  lastName: string;
  opportunityTitle: string;
  status: string;
  dueOn: string | null;
  overdue: boolean;
}

interface Opportunity {
  id: string;
  title: string;
  type: string;
  seats: number;
  seatsLeft: number;
  startsOn: string | null;
  hostSchoolName: string | null;
}

function DueAssignments() {
  const [in30] = useState(() => isoDay(new Date(Date.now() + 30 * 86_400_000)));
  // Open assignments due on or before that day: the overdue ones are in it too.
  const filter = { status: ['assigned', 'in_progress'], dueTo: in30 };
  const { data, total, isPending } = useGetList<Assignment>('assignments', {
    filter,
    sort: { field: 'dueOn', order: 'ASC' },
    pagination: { page: 1, perPage: ROWS },
  });
  const overdue = data?.filter((a) => a.overdue).length ?? 0;
  return (
    <HomeSection
      id="due"
      title={`Assignments due within 30 days or overdue${isPending ? '' : ` (${total ?? 0})`}`}
      action={
        <Button component={Link} to={listUrl('assignments', { overdue: true })} variant="outlined" size="small">
          Overdue assignments
        </Button>
      }
    >
      {isPending ? (
        <Typography>Loading…</Typography>
      ) : !data?.length ? (
        <Typography>Nothing is due in the next 30 days, and nothing is overdue.</Typography>
      ) : (
        <>
          <Typography variant="body2">
            Earliest due first{overdue ? `; ${overdue} overdue` : ''}. Open one to log hours, complete it with levels or
            withdraw it.
          </Typography>
          <MiniTable
            label="Assignments due or overdue"
            head={['Candidate', 'Opportunity', 'Due', 'Status']}
            rows={data.map((a) => ({
              key: a.id,
              cells: [
                <Link key="a" to={`/assignments/${a.id}/show`}>
                  {a.lastName}, {a.firstName}
                </Link>,
                a.opportunityTitle,
                a.overdue ? <OverdueChip due={a.dueOn} /> : a.dueOn && <DateText value={a.dueOn} />,
                name(ASSIGNMENT_STATUSES, a.status),
              ],
            }))}
          />
        </>
      )}
    </HomeSection>
  );
}

interface PlanActionRow {
  id: string;
  candidateId: string;
  firstName: string;
  lastName: string;
  roleTitle: string;
  description: string;
  dueOn: string | null;
}

/** Actions of agreed development plans that are past their due date, across the district's candidates. */
function OverduePlanActions() {
  const { data, total, isPending } = useGetList<PlanActionRow>('plan-actions', {
    filter: { overdue: true },
    sort: { field: 'dueOn', order: 'ASC' },
    pagination: { page: 1, perPage: ROWS },
  });
  return (
    <HomeSection id="plans" title={`Development plan actions overdue${isPending ? '' : ` (${total ?? 0})`}`}>
      {isPending ? (
        <Typography>Loading…</Typography>
      ) : !data?.length ? (
        <Typography>No action of an agreed development plan is overdue.</Typography>
      ) : (
        <>
          <Typography variant="body2">
            Oldest first{total! > ROWS ? `; the first ${ROWS} of ${total}` : ''}. Open the candidate's plan to tick,
            revise or follow up.
          </Typography>
          <MiniTable
            label="Development plan actions overdue"
            head={['Candidate', 'Action', 'Due']}
            rows={data.map((a) => ({
              key: a.id,
              cells: [
                <Link key="c" to={`/candidates/${a.candidateId}/show/plan`}>
                  {a.lastName}, {a.firstName} ({a.roleTitle})
                </Link>,
                a.description,
                <OverdueChip key="d" due={a.dueOn} />,
              ],
            }))}
          />
        </>
      )}
    </HomeSection>
  );
}

interface HoursRow {
  id: string;
  firstName: string;
  lastName: string;
  roleTitle: string;
  internshipHours: number;
  internshipTarget: number | null;
  mentoringHours: number;
  mentoringTarget: number | null;
}

/** Candidates furthest behind the hours their role expects (internship, mentoring). */
function HoursBehind() {
  const { data, total, isPending } = useGetList<HoursRow>('candidate-hours', {
    filter: { behind: true },
    sort: { field: 'progress', order: 'ASC' },
    pagination: { page: 1, perPage: ROWS },
  });
  return (
    <HomeSection id="hours" title={`Hours behind target${isPending ? '' : ` (${total ?? 0})`}`}>
      {isPending ? (
        <Typography>Loading…</Typography>
      ) : !data?.length ? (
        <Typography>
          No candidate is behind: either all have the hours their role expects, or no role sets a target yet (HR sets
          them on each leadership role).
        </Typography>
      ) : (
        <>
          <Typography variant="body2">
            Least advanced first{total! > ROWS ? `; the first ${ROWS} of ${total}` : ''}.
          </Typography>
          <MiniTable
            label="Hours behind target"
            head={['Candidate', 'Internship', 'Mentoring']}
            rows={data.map((r) => ({
              key: r.id,
              cells: [
                <Link key="c" to={`/candidates/${r.id}/show/plan`}>
                  {r.lastName}, {r.firstName} ({r.roleTitle})
                </Link>,
                hoursOf(r.internshipHours, r.internshipTarget),
                hoursOf(r.mentoringHours, r.mentoringTarget),
              ],
            }))}
          />
        </>
      )}
    </HomeSection>
  );
}

function OpenSeats() {
  const { data, total, isPending } = useGetList<Opportunity>('opportunities', {
    // Closed ones (past their end date) take nobody, whatever their seats.
    filter: { hasSeats: true, closed: false },
    sort: { field: 'startsOn', order: 'ASC' },
    pagination: { page: 1, perPage: ROWS },
  });
  return (
    <HomeSection
      id="seats"
      title={`Opportunities with seats left${isPending ? '' : ` (${total ?? 0})`}`}
      action={
        <Button
          component={Link}
          to={listUrl('opportunities', { hasSeats: true, closed: false })}
          variant="outlined"
          size="small"
        >
          All with seats
        </Button>
      }
    >
      {isPending ? (
        <Typography>Loading…</Typography>
      ) : !data?.length ? (
        <Typography>Every opportunity is full. Add seats or a new opportunity to the catalog.</Typography>
      ) : (
        <>
          <Typography variant="body2">
            Starting soonest first{total! > ROWS ? `; the first ${ROWS} of ${total}` : ''}. Open one to assign a
            candidate.
          </Typography>
          <MiniTable
            label="Opportunities with seats left"
            head={['Opportunity', 'Type', 'Seats left', 'Host', 'Starts']}
            rows={data.map((o) => ({
              key: o.id,
              cells: [
                <Link key="o" to={`/opportunities/${o.id}/show`}>
                  {o.title}
                </Link>,
                name(OPPORTUNITY_TYPES, o.type),
                `${o.seatsLeft} of ${o.seats}`,
                o.hostSchoolName ?? 'District',
                o.startsOn ?? 'open start',
              ],
            }))}
          />
        </>
      )}
    </HomeSection>
  );
}

/** Coordinators: the work that is due, and where candidates can still be placed. */
export function CoordinatorHome() {
  return (
    <Stack spacing={2}>
      <DueAssignments />
      <OverduePlanActions />
      <HoursBehind />
      <OpenSeats />
    </Stack>
  );
}
