import { Button, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useCanAccess, useRecordContext } from 'react-admin';
import { Link } from 'react-router-dom';
import { API_URL, httpClient } from '../../providers/httpClient';

// recharts is loaded only when a profile is opened, keeping it out of the first screen's bundle.
const ProfileChart = lazy(() => import('./ProfileChart'));

interface Entry {
  competencyId: string;
  code: string;
  title: string;
  frameworkShortName: string;
  targetLevel: number;
  scale: number;
  currentLevel: number | null;
  gap: number | null;
  evidenceCount: number;
  sources: string[];
}

/** The candidate against their role's targets: a chart, and the same figures as a table. */
export function CompetencyProfile() {
  const record = useRecordContext<{ id: string }>();
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { canAccess: canAdd } = useCanAccess({ resource: 'evidence', action: 'create' });
  useEffect(() => {
    if (!record) return;
    httpClient(`${API_URL}/candidates/${record.id}/competency-profile`)
      .then(({ json }) => setEntries(json as Entry[]))
      .catch((e: Error) => setError(e.message));
  }, [record]);
  if (!record) return null;
  return (
    <section aria-labelledby="profile-title">
      <Typography id="profile-title" variant="h6" component="h2" sx={{ mt: 2 }}>
        Competency profile
      </Typography>
      {error && <Typography role="alert">The profile could not be loaded: {error}</Typography>}
      {entries && entries.length === 0 && (
        <Typography>The target role has no competency targets yet; HR sets them on the leadership role.</Typography>
      )}
      {entries && entries.length > 0 && (
        <Suspense fallback={null}>
          <ProfileChart entries={entries} />
        </Suspense>
      )}
      {entries && entries.length > 0 && (
        <Table size="small" aria-labelledby="profile-title">
          <TableHead>
            <TableRow>
              <TableCell>Competency</TableCell>
              <TableCell align="right">Target</TableCell>
              <TableCell align="right">Current</TableCell>
              <TableCell align="right">Gap</TableCell>
              <TableCell align="right">Evidence</TableCell>
              <TableCell>Sources</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {entries.map((e) => (
              <TableRow key={e.competencyId}>
                <TableCell>
                  {e.frameworkShortName} {e.code}: {e.title}
                </TableCell>
                <TableCell align="right">
                  {e.targetLevel} of {e.scale}
                </TableCell>
                <TableCell align="right">{e.currentLevel ?? 'no evidence'}</TableCell>
                <TableCell align="right">{e.gap === null ? '—' : e.gap <= 0 ? 'met' : e.gap}</TableCell>
                <TableCell align="right">{e.evidenceCount}</TableCell>
                <TableCell>{e.sources.join(', ').replace(/_/g, ' ')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {canAdd && (
        <Button component={Link} to={`/evidence/create?candidateId=${record.id}`} variant="outlined" sx={{ mt: 1 }}>
          Add evidence
        </Button>
      )}
    </section>
  );
}
