import { Button, Stack, Typography } from '@mui/material';
import { useGetList } from 'react-admin';
import { Link } from 'react-router-dom';
import { NO_FILTERS, useAggregate } from '../../dashboard/api';
import { FunnelFigure } from '../../dashboard/PipelineFigures';
import type { Bench, Funnel } from '../../dashboard/types';
import { NOMINATOR_KINDS } from '../../resources/choices';
import { HomeSection, listUrl, MiniTable } from './parts';

const QUEUE = 5;

interface Nomination {
  id: string;
  educatorFirstName: string;
  educatorLastName: string;
  schoolName: string | null;
  targetRoleTitle: string;
  nominatorName: string;
  nominatorKind: string;
  createdAt: string;
}

function ReviewQueue() {
  const { data, total, isPending } = useGetList<Nomination>('nominations', {
    filter: { status: 'submitted' },
    sort: { field: 'createdAt', order: 'ASC' },
    pagination: { page: 1, perPage: QUEUE },
  });
  return (
    <HomeSection
      id="queue"
      title={`Nominations to review${isPending ? '' : ` (${total ?? 0})`}`}
      action={
        <Button component={Link} to={listUrl('nominations', { status: 'submitted' })} variant="outlined" size="small">
          Open the review queue
        </Button>
      }
    >
      {isPending ? (
        <Typography>Loading…</Typography>
      ) : !data?.length ? (
        <Typography>No nomination is waiting for a decision.</Typography>
      ) : (
        <>
          <Typography variant="body2">
            Oldest first{total! > QUEUE ? `; the first ${QUEUE} of ${total}` : ''}.
          </Typography>
          <MiniTable
            label="Nominations waiting for a decision"
            head={['Nominee', 'School', 'For the role of', 'Nominated by', 'Since']}
            rows={data.map((n) => ({
              key: n.id,
              cells: [
                <Link key="n" to={`/nominations/${n.id}/show`}>
                  {n.educatorLastName}, {n.educatorFirstName}
                </Link>,
                n.schoolName ?? 'District office',
                n.targetRoleTitle,
                `${n.nominatorName} (${NOMINATOR_KINDS.find((k) => k.id === n.nominatorKind)?.name ?? n.nominatorKind})`,
                n.createdAt.slice(0, 10),
              ],
            }))}
          />
        </>
      )}
    </HomeSection>
  );
}

function PositionsAtRisk() {
  const { data, error } = useAggregate<Bench>('bench', NO_FILTERS);
  const risky = data?.roles.filter((r) => r.atRisk) ?? [];
  return (
    <HomeSection
      id="risk"
      title="Positions at risk"
      action={
        <Button component={Link} to="/positions" variant="outlined" size="small">
          All positions
        </Button>
      }
    >
      {error && <Typography role="alert">The bench could not be loaded: {error}</Typography>}
      {!data && !error && <Typography>Loading…</Typography>}
      {data && risky.length === 0 && (
        <Typography>Every role with a seat vacant or opening within 12 months has someone ready now.</Typography>
      )}
      {data && risky.length > 0 && (
        <>
          <Typography variant="body2">
            Roles with a seat vacant or opening within 12 months and nobody ready now: confirm readiness or develop the
            bench.
          </Typography>
          <MiniTable
            label="Leadership roles at risk"
            head={['Leadership role', 'Vacant now', 'Opening within 12 months', 'Ready in 1–2 years', 'On the bench']}
            rows={risky.map((r) => {
              const c = r.candidates;
              return {
                key: r.roleId,
                cells: [
                  <Link key="r" to={listUrl('positions', { roleId: r.roleId })}>
                    {r.title}
                  </Link>,
                  r.vacantNow,
                  r.opening12Months,
                  c.ready1To2Years,
                  c.readyNow + c.ready1To2Years + c.ready3PlusYears + c.notAssessed,
                ],
              };
            })}
          />
        </>
      )}
    </HomeSection>
  );
}

/** hr: what needs a decision (nominations), the pipeline, and the seats nobody is ready for. */
export function HrHome() {
  const funnel = useAggregate<Funnel>('funnel', NO_FILTERS);
  return (
    <Stack spacing={2}>
      <ReviewQueue />
      <FunnelFigure loaded={funnel} filters={NO_FILTERS} />
      <PositionsAtRisk />
    </Stack>
  );
}
