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
  TextField,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { useCanAccess, useNotify, useRecordContext } from 'react-admin';
import { Link } from 'react-router-dom';
import { formatDate } from '../../layout/dates';
import { API_URL, httpClient } from '../../providers/httpClient';
import { BandChip } from '../candidates/ReadinessPanel';
import { LicenceChip, type LicenceStatus } from '../careers/licence';
import { stageName } from '../choices';
import type { Seat } from './PlaceDialog';
import { PlaceDialog } from './PlaceDialog';

interface Factor {
  key: string;
  label: string;
  points: number;
  max: number;
  detail: string;
}
interface Person {
  candidateId: string;
  firstName: string;
  lastName: string;
  schoolName: string | null;
  stage: string;
  readiness: string;
  score: number;
  factors: Factor[];
}
interface Entry extends Person {
  rank: number;
  pinned: boolean;
  placementRefusal: string | null;
  licence: LicenceStatus | null;
}
interface SlateData {
  roleTitle: string;
  frozenAt: string | null;
  frozenBy: string | null;
  entries: Entry[];
  excluded: (Person & { reason: string; decidedAt: string })[];
  more: number;
}

const fullName = (p: Person) => `${p.firstName} ${p.lastName}`;

function Factors({ factors }: { factors: Factor[] }) {
  return (
    <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
      {factors.map((f) => (
        <Typography component="li" variant="body2" key={f.key}>
          <strong>{f.label}</strong> ({f.points} of {f.max}): {f.detail}
        </Typography>
      ))}
    </Box>
  );
}

/**
 * The seat's slate: the role's candidates who accepted, ranked with the reasons for their place. hr pins,
 * excludes with a reason, freezes, and places from it; the superintendent reads it.
 */
export function Slate() {
  const position = useRecordContext<Seat>();
  const { canAccess: canManage } = useCanAccess({ resource: 'slates', action: 'edit' });
  const { canAccess: canPlace } = useCanAccess({ resource: 'positions', action: 'place' });
  const notify = useNotify();
  const [slate, setSlate] = useState<SlateData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [excluding, setExcluding] = useState<Entry | null>(null);
  const [reason, setReason] = useState('');
  const [reasonProblem, setReasonProblem] = useState<string | null>(null);
  const [placing, setPlacing] = useState<Entry | null>(null);
  const id = position?.id;

  const load = useCallback(() => {
    if (!id) return;
    httpClient(`${API_URL}/positions/${id}/slate`)
      .then(({ json }) => setSlate(json as SlateData))
      .catch((e: Error) => setError(e.message));
  }, [id]);
  useEffect(load, [load]);
  if (!position) return null;

  async function send(path: string, method: string, body: object, done: string): Promise<boolean> {
    try {
      const { json } = await httpClient(`${API_URL}/positions/${id}/slate/${path}`, {
        method,
        body: JSON.stringify(body),
      });
      setSlate(json as SlateData);
      notify(done, { type: 'success' });
      return true;
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
      // Someone else may have frozen or changed it meanwhile: show it as it is now.
      load();
      return false;
    }
  }
  const decide = (p: Person, decision: string, done: string, why?: string) =>
    send('decisions', 'POST', { candidateId: p.candidateId, decision, reason: why }, done);
  async function exclude() {
    if (!reason.trim()) {
      setReasonProblem('Say why, for the record: the reason is kept with the slate.');
      return;
    }
    if (await decide(excluding!, 'excluded', `${fullName(excluding!)} excluded from the slate`, reason)) {
      setExcluding(null);
    }
  }
  const frozen = slate?.frozenAt != null;

  return (
    <section aria-labelledby="slate-title">
      <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
        <Typography id="slate-title" variant="h6" component="h2">
          Slate
        </Typography>
        {slate && canManage && (
          <Button
            variant="outlined"
            onClick={() =>
              void send('freeze', 'PUT', { frozen: !frozen }, frozen ? 'Slate unfrozen' : 'Slate frozen as it stands')
            }
          >
            {frozen ? 'Unfreeze slate' : 'Freeze slate'}
          </Button>
        )}
      </Box>
      {error && <Alert severity="error">The slate could not be loaded: {error}. Reload the page to try again.</Alert>}
      {slate && (
        <>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {frozen
              ? `Frozen on ${formatDate(slate.frozenAt!)}${slate.frozenBy ? ` by ${slate.frozenBy}` : ''}: the list as it stood then. Unfreeze it to see it ranked today and to change it.`
              : `${slate.roleTitle} candidates who accepted their nomination, by confirmed readiness, then by a score out of 100 from the four reasons listed under each name. Demographics are never part of it.`}
          </Typography>
          {slate.entries.length === 0 ? (
            <Typography>
              Nobody is on this slate yet: it lists candidates for this role who accepted their nomination (engaged,
              developing or ready). Nominate and develop people for the role to build it.
            </Typography>
          ) : (
            // role="list": without list bullets some browsers stop announcing it as a list.
            <Box component="ol" role="list" aria-label="Slate" sx={{ listStyle: 'none', p: 0, m: 0 }}>
              {slate.entries.map((e) => (
                <Box component="li" key={e.candidateId} sx={{ borderTop: 1, borderColor: 'divider', py: 1.5 }}>
                  <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
                    <Typography component="span" sx={{ fontWeight: 700 }}>
                      {e.rank}.
                    </Typography>
                    <Link to={`/candidates/${e.candidateId}/show/readiness`}>
                      {e.lastName}, {e.firstName}
                    </Link>
                    <BandChip band={e.readiness} />
                    {e.pinned && <Chip size="small" color="primary" label="Pinned" />}
                    <LicenceChip status={e.licence} />
                    <Typography component="span" variant="body2">
                      {e.schoolName ?? 'District office'} · {stageName(e.stage)} · score {e.score} of 100
                    </Typography>
                  </Box>
                  <Factors factors={e.factors} />
                  {e.placementRefusal && (frozen || e.stage === 'ready') && (
                    <Typography variant="body2" sx={{ mt: 0.5 }}>
                      <strong>Cannot be placed now:</strong> {e.placementRefusal}
                    </Typography>
                  )}
                  {!frozen && canManage && (
                    <Box sx={{ display: 'flex', gap: 1, mt: 1, flexWrap: 'wrap' }}>
                      <Button
                        size="small"
                        variant="outlined"
                        aria-label={`${e.pinned ? 'Unpin' : 'Pin'} ${fullName(e)}`}
                        onClick={() =>
                          void (e.pinned
                            ? decide(e, 'none', `${fullName(e)} unpinned`)
                            : decide(e, 'pinned', `${fullName(e)} pinned to the top`))
                        }
                      >
                        {e.pinned ? 'Unpin' : 'Pin'}
                      </Button>
                      <Button
                        size="small"
                        variant="outlined"
                        aria-label={`Exclude ${fullName(e)}`}
                        onClick={() => {
                          setReason('');
                          setReasonProblem(null);
                          setExcluding(e);
                        }}
                      >
                        Exclude
                      </Button>
                    </Box>
                  )}
                  {canPlace && e.placementRefusal === null && (
                    <Button
                      size="small"
                      variant="contained"
                      sx={{ mt: 1 }}
                      aria-label={`Place ${fullName(e)} from the slate`}
                      onClick={() => setPlacing(e)}
                    >
                      Place
                    </Button>
                  )}
                </Box>
              ))}
            </Box>
          )}
          {slate.more > 0 && (
            <Typography variant="body2" sx={{ mt: 1 }}>
              {slate.more} more candidates rank below these {slate.entries.length}; the bench below lists everyone.
            </Typography>
          )}
          {slate.excluded.length > 0 && (
            <Box sx={{ mt: 2 }}>
              <Typography variant="subtitle1" component="h3">
                Excluded from this slate
              </Typography>
              <Box component="ul" sx={{ pl: 2.5 }}>
                {slate.excluded.map((x) => (
                  <li key={x.candidateId}>
                    <Typography variant="body2" component="span">
                      {x.lastName}, {x.firstName}: {x.reason} ({formatDate(x.decidedAt)})
                    </Typography>
                    {!frozen && canManage && (
                      <Button
                        size="small"
                        sx={{ ml: 1 }}
                        aria-label={`Restore ${fullName(x)} to the slate`}
                        onClick={() => void decide(x, 'none', `${fullName(x)} restored to the slate`)}
                      >
                        Restore
                      </Button>
                    )}
                  </li>
                ))}
              </Box>
            </Box>
          )}
        </>
      )}
      <Dialog
        open={excluding !== null}
        onClose={() => setExcluding(null)}
        aria-labelledby="exclude-title"
        fullWidth
        maxWidth="sm"
      >
        <DialogTitle id="exclude-title">Exclude {excluding ? fullName(excluding) : ''}</DialogTitle>
        <DialogContent>
          <DialogContentText>
            They leave this seat's slate only; their candidacy is unchanged. The reason is kept with the slate and in
            the audit log.
          </DialogContentText>
          <TextField
            autoFocus
            fullWidth
            multiline
            minRows={2}
            margin="normal"
            label="Reason"
            required
            value={reason}
            onChange={(ev) => setReason(ev.target.value)}
            error={reasonProblem !== null}
            helperText={reasonProblem ?? 'For example: has said they will not leave their school this year'}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setExcluding(null)}>Cancel</Button>
          <Button variant="contained" onClick={() => void exclude()}>
            Exclude
          </Button>
        </DialogActions>
      </Dialog>
      <PlaceDialog
        seat={position}
        chosen={placing}
        onClose={() => setPlacing(null)}
        onPlaced={() => {
          setPlacing(null);
          load();
        }}
      />
    </section>
  );
}
