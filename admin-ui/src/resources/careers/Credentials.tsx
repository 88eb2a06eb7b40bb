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
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { HttpError, useNotify } from 'react-admin';
import { formatDate } from '../../layout/dates';
import { DialogProblem, DialogSaveActions } from '../../layout/DialogSave';
import { API_URL, httpClient } from '../../providers/httpClient';

export interface Credential {
  id: string;
  educatorId: string;
  kind: 'licence' | 'degree' | 'certification';
  title: string;
  issuer: string;
  state: string | null;
  number: string | null;
  issuedOn: string | null;
  expiresOn: string | null;
  status: 'verified' | 'unverified' | 'expired';
  verifiedAt: string | null;
  verifiedByName: string | null;
  version: number;
}

const KINDS = [
  { id: 'licence', name: 'Licence' },
  { id: 'degree', name: 'Degree' },
  { id: 'certification', name: 'Certification' },
] as const;
const kindName = (k: Credential['kind']) => KINDS.find((x) => x.id === k)?.name ?? k;
// The house date format (layout/dates), as everywhere else.
const day = (iso: string) => formatDate(iso.slice(0, 10));

function statusText(c: Credential): string {
  if (c.status === 'expired') return `Expired ${day(c.expiresOn!)}`;
  if (c.status === 'verified') return `Verified by ${c.verifiedByName ?? 'hr'}, ${day(c.verifiedAt!)}`;
  return 'Not verified yet';
}

/**
 * Licences, degrees and certifications on a career profile. The person and hr keep them; hr verifies them
 * against the issuer, and an edit asks for a new verification. `own`: the person's own (second person).
 */
export function Credentials({
  educatorId,
  canEdit,
  canVerify,
  own,
}: {
  educatorId: string;
  canEdit: boolean;
  canVerify: boolean;
  own: boolean;
}) {
  const notify = useNotify();
  const [list, setList] = useState<Credential[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Credential | 'new' | null>(null);
  const [removing, setRemoving] = useState<Credential | null>(null);
  const load = useCallback(() => {
    httpClient(`${API_URL}/educators/${educatorId}/credentials`)
      .then(({ json }) => setList(json as Credential[]))
      .catch((e: Error) => setError(e.message));
  }, [educatorId]);
  useEffect(load, [load]);

  async function verify(c: Credential) {
    try {
      await httpClient(`${API_URL}/credentials/${c.id}/verification`, {
        method: 'POST',
        body: JSON.stringify({ version: c.version }),
      });
      notify(`${c.title}: verified`, { type: 'success' });
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
    load();
  }

  async function remove(c: Credential) {
    try {
      await httpClient(`${API_URL}/credentials/${c.id}`, { method: 'DELETE' });
      notify(`${c.title}: removed`, { type: 'success' });
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
    setRemoving(null);
    load();
  }

  if (error)
    return <Alert severity="error">The credentials could not be loaded: {error}. Reload the page to try again.</Alert>;
  if (!list) return null;
  return (
    <Box component="section" aria-labelledby={`credentials-${educatorId}`} sx={{ mt: 3 }}>
      <Typography id={`credentials-${educatorId}`} component="h3" variant="subtitle1" sx={{ fontWeight: 600 }}>
        Credentials
      </Typography>
      {list.length === 0 ? (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {own
            ? 'None recorded yet. Add your licences, degrees and certifications: hr verifies them, and a role that requires a licence looks for a verified one.'
            : 'None recorded yet.'}
        </Typography>
      ) : (
        <Stack component="ul" spacing={1.5} sx={{ listStyle: 'none', p: 0, m: 0, mt: 1 }}>
          {list.map((c) => (
            <Box component="li" key={c.id} sx={{ borderLeft: 3, borderColor: 'divider', pl: 1.5 }}>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {c.title}
              </Typography>
              <Typography variant="body2">
                {[
                  kindName(c.kind),
                  c.issuer,
                  [c.state, c.number].filter(Boolean).join(' '),
                  c.issuedOn && `issued ${day(c.issuedOn)}`,
                  c.expiresOn ? `expires ${day(c.expiresOn)}` : c.kind === 'licence' ? 'no expiry date' : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography>
              <Stack direction="row" spacing={1} sx={{ mt: 0.5, flexWrap: 'wrap', alignItems: 'center', rowGap: 1 }}>
                <Chip
                  size="small"
                  variant="outlined"
                  color={c.status === 'verified' ? 'success' : c.status === 'expired' ? 'error' : 'default'}
                  label={statusText(c)}
                />
                {canVerify && c.status === 'unverified' && (
                  <Button size="small" onClick={() => void verify(c)} aria-label={`Verify ${c.title}`}>
                    Verify
                  </Button>
                )}
                {canEdit && (
                  <>
                    <Button size="small" onClick={() => setEditing(c)} aria-label={`Edit ${c.title}`}>
                      Edit
                    </Button>
                    <Button size="small" onClick={() => setRemoving(c)} aria-label={`Remove ${c.title}`}>
                      Remove
                    </Button>
                  </>
                )}
              </Stack>
            </Box>
          ))}
        </Stack>
      )}
      {canEdit && (
        <Button variant="outlined" sx={{ mt: 2 }} onClick={() => setEditing('new')}>
          Add a credential
        </Button>
      )}
      {editing && (
        <CredentialDialog
          educatorId={educatorId}
          credential={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            load();
          }}
        />
      )}
      {removing && (
        <Dialog open onClose={() => setRemoving(null)} aria-labelledby="remove-credential-title">
          <DialogTitle id="remove-credential-title">Remove {removing.title}?</DialogTitle>
          <DialogContent>
            <DialogContentText>
              It leaves the profile{removing.status === 'verified' ? ', and its verification with it' : ''}. The audit
              log keeps a record of it.
            </DialogContentText>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setRemoving(null)}>Cancel</Button>
            <Button color="error" variant="contained" onClick={() => void remove(removing)}>
              Remove
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </Box>
  );
}

type Draft = Pick<Credential, 'kind' | 'title' | 'issuer' | 'state' | 'number' | 'issuedOn' | 'expiresOn'>;

function CredentialDialog({
  educatorId,
  credential,
  onClose,
  onSaved,
}: {
  educatorId: string;
  credential: Credential | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const notify = useNotify();
  const [draft, setDraft] = useState<Draft>(
    credential ?? {
      kind: 'licence',
      title: '',
      issuer: '',
      state: null,
      number: null,
      issuedOn: null,
      expiresOn: null,
    },
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const set = (key: keyof Draft, value: string) =>
    setDraft({ ...draft, [key]: key === 'title' || key === 'issuer' || value !== '' ? value : null });

  async function save() {
    const body = { ...draft, state: draft.state ? draft.state.toUpperCase() : null };
    try {
      await httpClient(
        credential ? `${API_URL}/credentials/${credential.id}` : `${API_URL}/educators/${educatorId}/credentials`,
        {
          method: credential ? 'PUT' : 'POST',
          body: JSON.stringify(credential ? { ...body, version: credential.version } : body),
        },
      );
      notify(credential?.status === 'verified' ? 'Saved: hr will verify it again' : 'Credential saved', {
        type: 'success',
      });
      onSaved();
    } catch (e) {
      setErrors(((e as HttpError).body as { errors?: Record<string, string> } | undefined)?.errors ?? {});
      setProblem((e as Error).message);
    }
  }
  const field = (key: keyof Draft, label: string, extra: Record<string, unknown> = {}) => (
    <TextField
      fullWidth
      margin="dense"
      {...extra}
      label={label}
      value={draft[key] ?? ''}
      onChange={(e) => {
        set(key, key === 'state' ? e.target.value.toUpperCase() : e.target.value);
        // What was wrong with this field is gone once it is changed.
        if (errors[key]) setErrors(({ [key]: _gone, ...rest }) => rest);
      }}
      error={Boolean(errors[key])}
      helperText={errors[key] ?? (extra.helperText as string | undefined)}
    />
  );
  return (
    <Dialog open onClose={onClose} aria-labelledby="credential-title" fullWidth maxWidth="sm">
      <DialogTitle id="credential-title">{credential ? `Edit ${credential.title}` : 'Add a credential'}</DialogTitle>
      <DialogContent>
        {credential?.status === 'verified' && (
          <Alert severity="info" sx={{ mb: 1 }}>
            hr verified this credential. A change sends it back to them to verify again.
          </Alert>
        )}
        <TextField
          select
          label="Kind"
          value={draft.kind}
          onChange={(e) => setDraft({ ...draft, kind: e.target.value as Credential['kind'] })}
          fullWidth
          margin="dense"
        >
          {KINDS.map((k) => (
            <MenuItem key={k.id} value={k.id}>
              {k.name}
            </MenuItem>
          ))}
        </TextField>
        {field('title', 'Title', {
          required: true,
          helperText: 'E.g. Principal licence (building level), or M.Ed. Educational Leadership',
        })}
        {field('issuer', 'Issued by', { helperText: 'A state board, a university or a certifying body' })}
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ xs: 0, sm: 2 }}>
          {field('state', 'State', {
            helperText: 'Two letters, e.g. OH',
            slotProps: { htmlInput: { maxLength: 2, autoCapitalize: 'characters' } },
          })}
          {field('number', 'Number')}
        </Stack>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ xs: 0, sm: 2 }}>
          {field('issuedOn', 'Issued on', { type: 'date', slotProps: { inputLabel: { shrink: true } } })}
          {field('expiresOn', 'Expires on', {
            type: 'date',
            helperText: 'Leave empty if it does not expire',
            slotProps: { inputLabel: { shrink: true } },
          })}
        </Stack>
        <DialogProblem problem={problem} />
      </DialogContent>
      <DialogSaveActions onClose={onClose} onSave={() => void save()} />
    </Dialog>
  );
}
