import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import {
  Alert,
  Autocomplete,
  Box,
  Button,
  IconButton,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { HttpError, useCanAccess, useDataProvider, useNotify, useRecordContext } from 'react-admin';
import { API_URL, httpClient } from '../../providers/httpClient';

interface Target {
  competencyId: string;
  code: string;
  title: string;
  frameworkShortName: string;
  targetLevel: number;
  scale: number;
}
interface NodeOption {
  id: string;
  frameworkId: string;
  frameworkShortName: string;
  code: string;
  title: string;
}

const nodeText = (n: { frameworkShortName: string; code: string; title: string }) =>
  `${n.frameworkShortName} ${n.code}: ${n.title}`;

function levels(scale: number) {
  return Array.from({ length: scale }, (_, i) => i + 1);
}

/** The rubric level the role needs on each framework node; hr edits them (PUT replaces the whole list). */
export function RoleTargets() {
  const record = useRecordContext<{ id: string }>();
  const { canAccess: canEdit } = useCanAccess({ resource: 'leadership-roles', action: 'edit' });
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const [saved, setSaved] = useState<Target[] | null>(null);
  const [draft, setDraft] = useState<Target[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [options, setOptions] = useState<NodeOption[]>([]);
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<NodeOption | null>(null);
  const [pickedScale, setPickedScale] = useState<number | null>(null);
  const [pickedLevel, setPickedLevel] = useState<number | ''>('');
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!record) return;
    httpClient(`${API_URL}/leadership-roles/${record.id}/targets`)
      .then(({ json }) => setSaved(json as Target[]))
      .catch((e: Error) => setError(e.message));
  }, [record]);

  useEffect(() => {
    if (!canEdit) return;
    let live = true;
    dataProvider
      .getList<NodeOption>('competencies', {
        filter: query ? { q: query } : {},
        pagination: { page: 1, perPage: 25 },
        sort: { field: 'code', order: 'ASC' },
      })
      .then(({ data }) => live && setOptions(data))
      .catch(() => live && setOptions([]));
    return () => {
      live = false;
    };
  }, [canEdit, dataProvider, query]);

  useEffect(() => {
    if (!picked) return;
    let live = true;
    dataProvider
      .getOne<{ id: string; rubric: unknown[] }>('competency-frameworks', { id: picked.frameworkId })
      .then(({ data }) => live && setPickedScale(data.rubric.length))
      .catch(() => live && setPickedScale(null));
    return () => {
      live = false;
    };
  }, [dataProvider, picked]);

  if (!record) return null;
  const rows = draft ?? saved ?? [];
  const dirty = draft !== null;
  const edit = (next: Target[]) => setDraft(next);

  async function save() {
    setSaving(true);
    setError(null);
    try {
      const { json } = await httpClient(`${API_URL}/leadership-roles/${record!.id}/targets`, {
        method: 'PUT',
        body: JSON.stringify({
          targets: rows.map((t) => ({ competencyId: t.competencyId, targetLevel: t.targetLevel })),
        }),
      });
      setSaved(json as Target[]);
      setDraft(null);
      notify('Targets saved');
    } catch (e) {
      const body = e instanceof HttpError ? (e.body as { errors?: Record<string, string> }) : undefined;
      const detail = body?.errors ? ` (${Object.values(body.errors).join('; ')})` : '';
      setError(`${(e as Error).message}${detail}`);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Box component="section" aria-labelledby="targets-title" sx={{ mt: 2 }}>
      <Typography id="targets-title" variant="h6" component="h2">
        Competency targets
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        The rubric level a candidate for this role needs on each competency; candidates&apos; profiles and readiness are
        measured against them.
      </Typography>
      {error && (
        <Alert severity="error" role="alert" sx={{ mb: 1 }}>
          {error}
        </Alert>
      )}
      {saved === null && !error ? (
        <Typography role="status">Loading targets…</Typography>
      ) : rows.length === 0 ? (
        <Typography>No targets yet.</Typography>
      ) : (
        <Table size="small" aria-labelledby="targets-title">
          <TableHead>
            <TableRow>
              <TableCell>Competency</TableCell>
              <TableCell>Target level</TableCell>
              {canEdit && <TableCell>Remove</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((t) => (
              <TableRow key={t.competencyId}>
                <TableCell>{nodeText(t)}</TableCell>
                <TableCell>
                  {canEdit ? (
                    <TextField
                      select
                      size="small"
                      label={`Target level for ${t.code}`}
                      value={t.targetLevel}
                      onChange={(e) =>
                        edit(rows.map((r) => (r === t ? { ...r, targetLevel: Number(e.target.value) } : r)))
                      }
                      sx={{ minWidth: 200 }}
                    >
                      {levels(t.scale).map((l) => (
                        <MenuItem key={l} value={l}>
                          {l} of {t.scale}
                        </MenuItem>
                      ))}
                    </TextField>
                  ) : (
                    `${t.targetLevel} of ${t.scale}`
                  )}
                </TableCell>
                {canEdit && (
                  <TableCell>
                    <IconButton
                      aria-label={`Remove the target on ${t.code}`}
                      onClick={() => edit(rows.filter((r) => r !== t))}
                    >
                      <DeleteOutlinedIcon />
                    </IconButton>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {/* Editing waits for the saved list: the PUT replaces the whole list. */}
      {canEdit && saved !== null && (
        <Stack direction="row" spacing={1} sx={{ mt: 2, alignItems: 'center', flexWrap: 'wrap' }}>
          <Autocomplete
            sx={{ width: 460 }}
            options={options.filter((o) => !rows.some((r) => r.competencyId === o.id))}
            getOptionLabel={nodeText}
            filterOptions={(x) => x}
            value={picked}
            onChange={(_, v) => {
              setPicked(v);
              setPickedScale(null);
              setPickedLevel('');
            }}
            onInputChange={(_, v) => setQuery(v)}
            renderInput={(params) => <TextField {...params} label="Competency to add" size="small" />}
          />
          <TextField
            select
            size="small"
            label="Level needed"
            value={pickedLevel}
            disabled={!pickedScale}
            onChange={(e) => setPickedLevel(Number(e.target.value))}
            fullWidth={false}
            sx={{ width: 180 }}
          >
            {levels(pickedScale ?? 0).map((l) => (
              <MenuItem key={l} value={l}>
                {l} of {pickedScale}
              </MenuItem>
            ))}
          </TextField>
          <Button
            variant="outlined"
            disabled={!picked || !pickedScale || pickedLevel === ''}
            onClick={() => {
              edit([
                ...rows,
                { ...picked!, competencyId: picked!.id, targetLevel: Number(pickedLevel), scale: pickedScale! },
              ]);
              setPicked(null);
              setPickedLevel('');
            }}
          >
            Add target
          </Button>
          <Box sx={{ flexGrow: 1 }} />
          {dirty && (
            <Button onClick={() => setDraft(null)} disabled={saving}>
              Discard changes
            </Button>
          )}
          <Button variant="contained" disabled={!dirty || saving} onClick={() => void save()}>
            Save targets
          </Button>
        </Stack>
      )}
    </Box>
  );
}
