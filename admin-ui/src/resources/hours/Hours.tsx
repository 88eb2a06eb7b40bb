import { Alert, Box, LinearProgress, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { API_URL, httpClient } from '../../providers/httpClient';

interface OfKind {
  total: number;
  target: number | null;
  byYear: { schoolYear: string; hours: number }[];
}
interface Hours {
  internship: OfKind;
  mentoring: OfKind;
}

/** "4 of 10 hours", or "4 hours" without a target. */
export const hoursOf = (hours: number, target: number | null) =>
  target ? `${hours} of ${target} hours` : `${hours} hour${hours === 1 ? '' : 's'}`;

function Line({ label, kind }: { label: string; kind: OfKind }) {
  const share = kind.target ? Math.min(100, Math.round((kind.total / kind.target) * 100)) : null;
  return (
    <Box>
      <Typography variant="body2">
        <strong>{label}:</strong> {hoursOf(kind.total, kind.target)}
        {kind.byYear.length > 1 && ` (${kind.byYear.map((y) => `${y.schoolYear}: ${y.hours}`).join('; ')})`}
        {kind.target === null && ' (no target set for this role)'}
      </Typography>
      {share !== null && (
        <LinearProgress
          variant="determinate"
          value={share}
          aria-label={`${label}: ${share}% of the target`}
          sx={{ mt: 0.5, height: 8, borderRadius: 1, maxWidth: 360 }}
        />
      )}
    </Box>
  );
}

/** Internship and mentoring hours of a candidacy against its role's targets, by school year. */
export function HoursPanel({ candidateId }: { candidateId: string }) {
  const [hours, setHours] = useState<Hours | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    httpClient(`${API_URL}/candidates/${candidateId}/hours`)
      .then(({ json }) => setHours(json as Hours))
      .catch((e: Error) => setError(e.message));
  }, [candidateId]);
  if (error) return <Alert severity="error">The hours could not be loaded: {error}</Alert>;
  if (!hours) return null;
  return (
    <Stack spacing={1}>
      <Line label="Internship" kind={hours.internship} />
      <Line label="Mentoring" kind={hours.mentoring} />
    </Stack>
  );
}
