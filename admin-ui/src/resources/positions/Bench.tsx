import { Button, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { useCanAccess, useRecordContext } from 'react-admin';
import { Link } from 'react-router-dom';
import { API_URL, httpClient } from '../../providers/httpClient';
import { BandChip, bandName } from '../candidates/ReadinessPanel';
import { LicenceChip, type LicenceStatus } from '../careers/licence';
import { stageName } from '../choices';
import { PlaceDialog } from './PlaceDialog';

interface Gap {
  competencyId: string;
  code: string;
  gap: number | null;
}
interface Entry {
  candidateId: string;
  firstName: string;
  lastName: string;
  schoolName: string | null;
  stage: string;
  daysInStage: number;
  readiness: string;
  suggestedBand: string;
  targetsMet: number;
  targetsTotal: number;
  largestGaps: Gap[];
  evidenceCount: number;
  newEvidenceSinceConfirmation: number;
  placementRefusal: string | null;
  licence: LicenceStatus | null;
}
interface BenchData {
  roleTitle: string;
  counts: Record<string, number>;
  candidates: Entry[];
}

const gapText = (gaps: Gap[]) =>
  gaps.length ? gaps.map((g) => `${g.code} ${g.gap === null ? 'no evidence' : `−${g.gap}`}`).join(', ') : 'none';

/** The role's candidates by confirmed readiness, with a place action for hr on ready ones. */
export function Bench() {
  const position = useRecordContext<{ id: string; title: string; version: number; incumbentName: string | null }>();
  const { canAccess: canPlace } = useCanAccess({ resource: 'positions', action: 'place' });
  const [bench, setBench] = useState<BenchData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Entry | null>(null);
  const id = position?.id;

  const load = useCallback(() => {
    if (!id) return;
    httpClient(`${API_URL}/positions/${id}/bench`)
      .then(({ json }) => setBench(json as BenchData))
      .catch((e: Error) => setError(e.message));
  }, [id]);
  useEffect(load, [load]);

  if (!position) return null;

  return (
    <section aria-labelledby="bench-title">
      <Typography id="bench-title" variant="h6" component="h2">
        Bench
      </Typography>
      {error && <Typography role="alert">The bench could not be loaded: {error}</Typography>}
      {bench && (
        <>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {bench.roleTitle} candidates not yet placed, by confirmed readiness:{' '}
            {['ready_now', 'ready_1_2_years', 'ready_3_plus_years', 'not_assessed']
              .map((b) => `${bandName(b)} ${bench.counts[b] ?? 0}`)
              .join(' · ')}
          </Typography>
          {bench.candidates.length === 0 ? (
            <Typography>Nobody is on this role's bench yet.</Typography>
          ) : (
            <Table size="small" aria-labelledby="bench-title">
              <TableHead>
                <TableRow>
                  <TableCell>Candidate</TableCell>
                  <TableCell>School</TableCell>
                  <TableCell>Confirmed</TableCell>
                  <TableCell>Suggested</TableCell>
                  <TableCell>Stage</TableCell>
                  <TableCell align="right">Targets met</TableCell>
                  <TableCell>Largest gaps</TableCell>
                  <TableCell align="right">Evidence</TableCell>
                  {canPlace && <TableCell>Action</TableCell>}
                </TableRow>
              </TableHead>
              <TableBody>
                {bench.candidates.map((e) => (
                  <TableRow key={e.candidateId}>
                    <TableCell>
                      <Link to={`/candidates/${e.candidateId}/show/readiness`}>
                        {e.lastName}, {e.firstName}
                      </Link>
                    </TableCell>
                    <TableCell>{e.schoolName ?? 'District office'}</TableCell>
                    <TableCell>
                      <BandChip band={e.readiness} />
                      {e.licence && (
                        <>
                          {' '}
                          <LicenceChip status={e.licence} />
                        </>
                      )}
                      {e.newEvidenceSinceConfirmation > 0 && e.readiness !== 'not_assessed' && (
                        <Chip
                          size="small"
                          variant="outlined"
                          sx={{ ml: 0.5 }}
                          label={`${e.newEvidenceSinceConfirmation} new evidence`}
                        />
                      )}
                    </TableCell>
                    <TableCell>{bandName(e.suggestedBand)}</TableCell>
                    <TableCell>
                      {stageName(e.stage)} ({e.daysInStage} d)
                    </TableCell>
                    <TableCell align="right">
                      {e.targetsMet} / {e.targetsTotal}
                    </TableCell>
                    <TableCell>{gapText(e.largestGaps)}</TableCell>
                    <TableCell align="right">{e.evidenceCount}</TableCell>
                    {canPlace && (
                      <TableCell>
                        {e.stage === 'ready' ? (
                          <Button
                            size="small"
                            variant="outlined"
                            onClick={() => setChosen(e)}
                            aria-label={`Place ${e.firstName} ${e.lastName}`}
                          >
                            Place
                          </Button>
                        ) : (
                          '—'
                        )}
                      </TableCell>
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </>
      )}
      <PlaceDialog
        seat={position}
        chosen={chosen}
        onClose={() => setChosen(null)}
        onPlaced={() => {
          setChosen(null);
          load();
        }}
      />
    </section>
  );
}
