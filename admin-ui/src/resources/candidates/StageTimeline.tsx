import { Box, ListItem, ListItemText, List as MuiList, Typography } from '@mui/material';
import { useGetList, useRecordContext } from 'react-admin';
import { formatDate } from '../../layout/dates';
import { EXIT_REASONS, stageName } from '../choices';

interface Transition {
  id: string;
  fromStage: string | null;
  toStage: string;
  actorName: string;
  reason: string | null;
  exitReason: string | null;
  createdAt: string;
}

/** The candidate's stage history, oldest first, as an ordered list (readable without a chart). */
export function StageTimeline() {
  const record = useRecordContext<{ id: string }>();
  const { data, isPending, error } = useGetList<Transition>(
    'stage-transitions',
    {
      filter: { candidateId: record?.id },
      sort: { field: 'createdAt', order: 'ASC' },
      pagination: { page: 1, perPage: 200 },
    },
    { enabled: !!record },
  );
  if (!record || isPending) return null;
  if (error) return <Typography role="alert">The history could not be loaded; reload the page.</Typography>;
  return (
    <Box component="section" aria-labelledby="timeline-title">
      <Typography id="timeline-title" variant="h6" component="h2">
        Stage history
      </Typography>
      <MuiList component="ol" dense>
        {(data ?? []).map((t) => (
          <ListItem key={t.id} component="li" divider>
            <ListItemText
              primary={`${formatDate(t.createdAt)}: ${t.fromStage ? `${stageName(t.fromStage)} → ` : 'Entered at '}${stageName(t.toStage)}`}
              secondary={[
                `by ${t.actorName}`,
                t.exitReason
                  ? `exit reason: ${EXIT_REASONS.find((e) => e.id === t.exitReason)?.name ?? t.exitReason}`
                  : null,
                t.reason,
              ]
                .filter(Boolean)
                .join(' · ')}
            />
          </ListItem>
        ))}
      </MuiList>
    </Box>
  );
}
