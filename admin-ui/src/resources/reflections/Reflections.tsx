import {
  Alert,
  Box,
  Button,
  Checkbox,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  FormGroup,
  FormLabel,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { useNotify } from 'react-admin';
import { formatDate } from '../../layout/dates';
import { DialogProblem, DialogSaveActions, useDialogSave } from '../../layout/DialogSave';
import { API_URL, httpClient } from '../../providers/httpClient';
import { session } from '../../providers/session';

export interface Reflection {
  id: string;
  educatorId: string;
  authorName: string;
  competencyIds: string[];
  attributeTitles: string[];
  prompt: string | null;
  body: string;
  shareMentor: boolean;
  shareCoordinator: boolean;
  shareHr: boolean;
  planActionId: string | null;
  evidenceId: string | null;
  own: boolean;
  createdAt: string;
  version: number;
}
interface Attribute {
  id: string;
  code: string;
  title: string;
  prompts: string[];
}
interface PlanAction {
  id: string;
  kind: string;
  description: string;
  doneAt: string | null;
}
interface ProfileEntry {
  competencyId: string;
  code: string;
  title: string;
  scale: number;
}

const day = (iso: string) => formatDate(iso.slice(0, 10));
const sharedWith = (r: Reflection) =>
  [r.shareMentor && 'your mentor', r.shareCoordinator && 'coordinators', r.shareHr && 'HR'].filter(Boolean) as string[];

async function reflectionsOf(filter: object): Promise<Reflection[]> {
  const { json } = await httpClient(
    `${API_URL}/reflections?filter=${encodeURIComponent(JSON.stringify(filter))}&range=[0,199]`,
  );
  return json as Reflection[];
}

/** One reflection as read: its attributes, prompt, words and (for the author) whom it is shared with. */
function ReflectionItem({ r, children }: { r: Reflection; children?: React.ReactNode }) {
  const shared = sharedWith(r);
  return (
    <Box component="li" sx={{ borderLeft: 3, borderColor: 'divider', pl: 1.5 }}>
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {day(r.createdAt)} · {r.attributeTitles.join(', ')}
      </Typography>
      {r.prompt && (
        <Typography variant="body2" sx={{ fontStyle: 'italic' }}>
          {r.prompt}
        </Typography>
      )}
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', mt: 0.5 }}>
        {r.body}
      </Typography>
      {r.own && (
        <Stack direction="row" spacing={1} sx={{ mt: 0.5, flexWrap: 'wrap', rowGap: 1, alignItems: 'center' }}>
          <Chip
            size="small"
            variant="outlined"
            label={shared.length ? `Shared with ${shared.join(', ')}` : 'Private: only you'}
          />
          {r.evidenceId && <Chip size="small" variant="outlined" color="success" label="Evidence" />}
          {children}
        </Stack>
      )}
    </Box>
  );
}

/**
 * The educator's reflections on the Portrait of a Leader, over time per attribute: write, share, edit, make
 * evidence. `candidateId`: their candidacy in a plan stage (for plan actions and evidence), if any.
 */
export function MyReflections({ candidateId }: { candidateId: string | null }) {
  const notify = useNotify();
  const [attributes, setAttributes] = useState<Attribute[] | null>(null);
  const [list, setList] = useState<Reflection[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Reflection | 'new' | null>(null);
  const [attaching, setAttaching] = useState<Reflection | null>(null);
  const [removing, setRemoving] = useState<Reflection | null>(null);
  const educatorId = session.user()?.educatorId;
  const load = useCallback(() => {
    // Their own only: a mentor also reads their mentees' shared ones through the same list.
    reflectionsOf({ educatorId })
      .then(setList)
      .catch((e: Error) => setError(e.message));
  }, [educatorId]);
  useEffect(() => {
    httpClient(`${API_URL}/reflection-attributes`)
      .then(({ json }) => setAttributes((json as { attributes: Attribute[] }).attributes))
      .catch((e: Error) => setError(e.message));
    load();
  }, [load]);

  const remove = async (r: Reflection) => {
    try {
      await httpClient(`${API_URL}/reflections/${r.id}`, { method: 'DELETE' });
      notify('Reflection deleted', { type: 'success' });
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
    setRemoving(null);
    load();
  };

  if (error) return <Alert severity="error">Your reflections could not be loaded: {error}</Alert>;
  if (!attributes || !list) return null;
  const byAttribute = attributes
    .map((a) => ({ a, items: list.filter((r) => r.competencyIds.includes(a.id)) }))
    .filter((g) => g.items.length > 0);
  return (
    <Box>
      <Typography variant="body2">
        Reflect on the attributes of the Portrait of a Leader. Each reflection is private until you share it with your
        mentor, your coordinators or HR; your principal never reads them.
      </Typography>
      {attributes.length === 0 ? (
        <Alert severity="info" sx={{ mt: 1 }}>
          The Portrait of a Leader is not loaded in this installation yet: ask your administrator.
        </Alert>
      ) : (
        <Button variant="outlined" sx={{ mt: 1.5 }} onClick={() => setEditing('new')}>
          Write a reflection
        </Button>
      )}
      {list.length === 0 ? (
        <Typography variant="body2" sx={{ mt: 1.5 }}>
          No reflection yet.
        </Typography>
      ) : (
        byAttribute.map(({ a, items }) => (
          <Box component="section" key={a.id} aria-labelledby={`attr-${a.id}`} sx={{ mt: 2 }}>
            <Typography id={`attr-${a.id}`} component="h3" variant="subtitle1" sx={{ fontWeight: 600 }}>
              {a.title} ({items.length})
            </Typography>
            <Stack component="ul" spacing={1.5} sx={{ listStyle: 'none', p: 0, m: 0, mt: 1 }}>
              {items.map((r) => (
                <ReflectionItem key={`${a.id}-${r.id}`} r={r}>
                  <Button
                    size="small"
                    onClick={() => setEditing(r)}
                    aria-label={`Edit the reflection of ${day(r.createdAt)}`}
                  >
                    Edit
                  </Button>
                  {candidateId && !r.evidenceId && sharedWith(r).length > 0 && (
                    <Button
                      size="small"
                      onClick={() => setAttaching(r)}
                      aria-label={`Make the reflection of ${day(r.createdAt)} evidence`}
                    >
                      Make it evidence
                    </Button>
                  )}
                  <Button
                    size="small"
                    onClick={() => setRemoving(r)}
                    aria-label={`Delete the reflection of ${day(r.createdAt)}`}
                  >
                    Delete
                  </Button>
                </ReflectionItem>
              ))}
            </Stack>
          </Box>
        ))
      )}
      {editing && (
        <ReflectionDialog
          attributes={attributes}
          reflection={editing === 'new' ? null : editing}
          candidateId={candidateId}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            load();
          }}
        />
      )}
      {attaching && candidateId && (
        <EvidenceDialog
          reflection={attaching}
          candidateId={candidateId}
          onClose={() => setAttaching(null)}
          onSaved={() => {
            setAttaching(null);
            load();
          }}
        />
      )}
      {removing && (
        <Dialog open onClose={() => setRemoving(null)} aria-labelledby="remove-reflection-title">
          <DialogTitle id="remove-reflection-title">Delete this reflection?</DialogTitle>
          <DialogContent>
            <DialogContentText>
              It is gone for good{removing.evidenceId ? '; the evidence made from it stays on your candidacy' : ''}.
            </DialogContentText>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setRemoving(null)}>Cancel</Button>
            <Button color="error" variant="contained" onClick={() => void remove(removing)}>
              Delete
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </Box>
  );
}

function ReflectionDialog({
  attributes,
  reflection,
  candidateId,
  onClose,
  onSaved,
}: {
  attributes: Attribute[];
  reflection: Reflection | null;
  candidateId: string | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [attributeId, setAttributeId] = useState(reflection?.competencyIds[0] ?? attributes[0]!.id);
  const [prompt, setPrompt] = useState(reflection?.prompt ?? '');
  const [body, setBody] = useState(reflection?.body ?? '');
  const [share, setShare] = useState({
    shareMentor: reflection?.shareMentor ?? false,
    shareCoordinator: reflection?.shareCoordinator ?? false,
    shareHr: reflection?.shareHr ?? false,
  });
  const [planActionId, setPlanActionId] = useState(reflection?.planActionId ?? '');
  const [actions, setActions] = useState<PlanAction[]>([]);
  const { problem, run } = useDialogSave(onSaved);
  useEffect(() => {
    if (!candidateId) return;
    httpClient(`${API_URL}/candidates/${candidateId}/development-plan`)
      .then(({ json }) => {
        const agreed = (json as { agreed: { actions: PlanAction[] } | null }).agreed;
        setActions((agreed?.actions ?? []).filter((a) => a.kind === 'reflection'));
      })
      .catch(() => setActions([]));
  }, [candidateId]);
  const attribute = attributes.find((a) => a.id === attributeId);
  const save = async () => {
    const payload = {
      competencyIds: [attributeId, ...(reflection?.competencyIds.slice(1) ?? [])].filter(
        (id, i, all) => all.indexOf(id) === i,
      ),
      prompt: prompt || null,
      body,
      ...share,
      planActionId: planActionId || null,
      ...(reflection ? { version: reflection.version } : {}),
    };
    await run(
      () =>
        httpClient(`${API_URL}/reflections${reflection ? `/${reflection.id}` : ''}`, {
          method: reflection ? 'PUT' : 'POST',
          body: JSON.stringify(payload),
        }),
      reflection ? 'Reflection saved' : 'Reflection written',
    );
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby="reflection-title" fullWidth maxWidth="md">
      <DialogTitle id="reflection-title">{reflection ? 'Edit your reflection' : 'Write a reflection'}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField
            select
            label="Attribute"
            value={attributeId}
            onChange={(e) => {
              setAttributeId(e.target.value);
              setPrompt('');
            }}
          >
            {attributes.map((a) => (
              <MenuItem key={a.id} value={a.id}>
                {a.title}
              </MenuItem>
            ))}
          </TextField>
          <TextField select label="A prompt (optional)" value={prompt} onChange={(e) => setPrompt(e.target.value)}>
            <MenuItem value="">No prompt: my own words</MenuItem>
            {(attribute?.prompts ?? []).map((p) => (
              <MenuItem key={p} value={p} sx={{ whiteSpace: 'normal' }}>
                {p}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label="Your reflection"
            value={body}
            onChange={(e) => setBody(e.target.value)}
            multiline
            minRows={5}
            required
            slotProps={{ htmlInput: { maxLength: 8000 } }}
          />
          {actions.length > 0 && (
            <TextField
              select
              label="Answers a plan action (optional)"
              helperText="Sharing the reflection ticks the action."
              value={planActionId}
              onChange={(e) => setPlanActionId(e.target.value)}
            >
              <MenuItem value="">None</MenuItem>
              {actions.map((a) => (
                <MenuItem key={a.id} value={a.id} sx={{ whiteSpace: 'normal' }}>
                  {a.description}
                  {a.doneAt ? ' (done)' : ''}
                </MenuItem>
              ))}
            </TextField>
          )}
          <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
            <FormLabel component="legend">Share it with (it stays private otherwise)</FormLabel>
            <FormGroup>
              {(
                [
                  ['shareMentor', 'My mentor'],
                  ['shareCoordinator', 'The program coordinators'],
                  ['shareHr', 'HR'],
                ] as const
              ).map(([key, label]) => (
                <FormControlLabel
                  key={key}
                  control={
                    <Checkbox checked={share[key]} onChange={(e) => setShare({ ...share, [key]: e.target.checked })} />
                  }
                  label={label}
                />
              ))}
            </FormGroup>
          </Box>
        </Stack>
        <DialogProblem problem={problem} />
      </DialogContent>
      <DialogSaveActions onClose={onClose} onSave={() => void save()} />
    </Dialog>
  );
}

function EvidenceDialog({
  reflection,
  candidateId,
  onClose,
  onSaved,
}: {
  reflection: Reflection;
  candidateId: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [entries, setEntries] = useState<ProfileEntry[]>([]);
  const [competencyId, setCompetencyId] = useState('');
  const [level, setLevel] = useState('');
  const { problem, run } = useDialogSave(onSaved);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  useEffect(() => {
    httpClient(`${API_URL}/candidates/${candidateId}/competency-profile`)
      .then(({ json }) => setEntries(json as ProfileEntry[]))
      .catch((e: Error) => setLoadProblem(e.message));
  }, [candidateId]);
  const entry = entries.find((e) => e.competencyId === competencyId);
  const save = () =>
    run(
      () =>
        httpClient(`${API_URL}/reflections/${reflection.id}/evidence`, {
          method: 'POST',
          body: JSON.stringify({ candidateId, competencyId, level: Number(level), version: reflection.version }),
        }),
      'Added to your evidence',
    );
  return (
    <Dialog open onClose={onClose} aria-labelledby="reflection-evidence-title" fullWidth>
      <DialogTitle id="reflection-evidence-title">Make this reflection evidence</DialogTitle>
      <DialogContent>
        <DialogContentText>
          It becomes self-reflection evidence on your candidacy: your coordinators, HR and your principal read it there.
        </DialogContentText>
        <Stack spacing={2} sx={{ mt: 2 }}>
          <TextField
            select
            label="Competency it shows"
            value={competencyId}
            onChange={(e) => setCompetencyId(e.target.value)}
          >
            {entries.map((e) => (
              <MenuItem key={e.competencyId} value={e.competencyId}>
                {e.code}: {e.title}
              </MenuItem>
            ))}
          </TextField>
          <TextField select label="Level" value={level} onChange={(e) => setLevel(e.target.value)} disabled={!entry}>
            {Array.from({ length: entry?.scale ?? 0 }, (_, i) => i + 1).map((l) => (
              <MenuItem key={l} value={String(l)}>
                {l}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
        <DialogProblem problem={problem ?? loadProblem} />
      </DialogContent>
      <DialogSaveActions onClose={onClose} onSave={() => void save()} />
    </Dialog>
  );
}

/** Reflections shared with the reader (a mentor, coordinators, hr), by one educator, newest first. */
export function SharedReflections({ educatorId, whose }: { educatorId: string; whose: string }) {
  const [list, setList] = useState<Reflection[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    reflectionsOf({ educatorId })
      .then(setList)
      .catch((e: Error) => setError(e.message));
  }, [educatorId]);
  if (error) return <Alert severity="error">The reflections could not be loaded: {error}</Alert>;
  if (!list) return null;
  if (list.length === 0) return <Typography variant="body2">{whose} has shared no reflection with you.</Typography>;
  return (
    <Stack component="ul" spacing={1.5} sx={{ listStyle: 'none', p: 0, m: 0 }}>
      {list.map((r) => (
        <ReflectionItem key={r.id} r={r} />
      ))}
    </Stack>
  );
}
