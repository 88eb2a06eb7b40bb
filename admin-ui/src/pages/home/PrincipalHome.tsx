import { Button, Stack, Typography } from '@mui/material';
import { useGetList } from 'react-admin';
import { Link } from 'react-router-dom';
import { NO_FILTERS, useAggregate } from '../../dashboard/api';
import { FunnelFigure } from '../../dashboard/PipelineFigures';
import type { Funnel } from '../../dashboard/types';
import { NOMINATION_STATUSES } from '../../resources/choices';
import { HomeSection, MiniTable } from './parts';

interface Nomination {
  id: string;
  educatorFirstName: string;
  educatorLastName: string;
  targetRoleTitle: string;
  nominatorName: string;
  status: string;
  createdAt: string;
}

const ROWS = 5;

function RecentNominations() {
  const { data, total, isPending } = useGetList<Nomination>('nominations', {
    sort: { field: 'createdAt', order: 'DESC' },
    pagination: { page: 1, perPage: ROWS },
  });
  return (
    <HomeSection
      id="nominations"
      title="Recent nominations at your school"
      action={
        <Button component={Link} to="/nominations" variant="outlined" size="small">
          All nominations
        </Button>
      }
    >
      {isPending ? (
        <Typography>Loading…</Typography>
      ) : !data?.length ? (
        <Typography>No nomination yet. Who on your staff is ready to lead? Nominate them.</Typography>
      ) : (
        <>
          <Typography variant="body2">
            Newest first{total! > ROWS ? `; the latest ${ROWS} of ${total}` : ''}. HR reviews each one.
          </Typography>
          <MiniTable
            label="Recent nominations"
            head={['Nominee', 'For the role of', 'Nominated by', 'Status', 'On']}
            rows={data.map((n) => ({
              key: n.id,
              cells: [
                <Link key="n" to={`/nominations/${n.id}/show`}>
                  {n.educatorLastName}, {n.educatorFirstName}
                </Link>,
                n.targetRoleTitle,
                n.nominatorName,
                NOMINATION_STATUSES.find((s) => s.id === n.status)?.name ?? n.status,
                n.createdAt.slice(0, 10),
              ],
            }))}
          />
        </>
      )}
    </HomeSection>
  );
}

/** Principals: their schools' pipeline (the API scopes the funnel to their people) and its nominations. */
export function PrincipalHome() {
  const funnel = useAggregate<Funnel>('funnel', NO_FILTERS);
  return (
    <Stack spacing={2}>
      <FunnelFigure loaded={funnel} filters={NO_FILTERS} title="Your school’s pipeline" />
      <RecentNominations />
    </Stack>
  );
}
