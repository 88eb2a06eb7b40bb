import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Title } from 'react-admin';
import { Link } from 'react-router-dom';
import { ScrollBox } from '../layout/ScrollBox';
import { apiErrorText, NETWORK_TEXT, sentence } from '../providers/errorText';
import { API_URL } from '../providers/httpClient';
import { session } from '../providers/session';
import { ItemTypeTable } from '../resources/frameworks/FrameworkCase';
import type { Framework } from '../resources/frameworks/types';
import { Busy, ImportControls, uploadWithProgress } from './ImportControls';

interface Counts {
  framework: number;
  items: number;
  links: number;
  associations: number;
}
interface ItemSample {
  code: string;
  title: string;
  itemType: string | null;
}
interface Result {
  dryRun: boolean;
  changed: boolean;
  framework: Pick<Framework, 'id' | 'title' | 'shortName' | 'nodeCount' | 'itemTypes' | 'license'>;
  created: Counts;
  updated: Counts;
  unchanged: Counts;
  removed: { associations: number };
  externalLinks: number;
  resolvedLinks: number;
  itemChanges: { created: ItemSample[]; updated: ItemSample[] };
  notices: { kind: string; count: number; message: string; examples: string[] }[];
  ignoredAssociations: number;
}
interface Problem {
  where: string;
  item: string;
  message: string;
}
interface ProblemKind {
  kind: string;
  count: number;
  paths: string[];
}

// The API's kinds of problem, as a heading a district reads.
const KIND_WORDS: Record<string, string> = {
  'missing field': 'Missing information',
  'wrong type': 'A value of the wrong kind',
  'too long': 'Text that is too long',
  'repeated identifier': 'Two items with one identifier',
  cycle: 'Items placed under themselves',
  'too deep': 'Nested too deep',
  tree: 'A problem in the tree',
  rubric: 'The rating levels (rubric)',
  empty: 'No items',
  'NUL character': 'Characters that cannot be stored',
  'not a package': 'Not a framework file',
};
const kindWords = (kind: string) => KIND_WORDS[kind] ?? sentence(kind).replace(/\.$/, '');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a CASE package is free-form JSON
type Json = any;

const LINK_WORDS: Record<string, string> = {
  isChildOf: 'Placed under',
  exactMatchOf: 'Same as',
  isRelatedTo: 'Related to',
};

/** What a path such as `CFItems[3].identifier` points at in the package, so a person can find it. */
export function describePath(pkg: Json, path: string): string {
  const root = pkg?.CFPackage ?? pkg;
  const item = /^CFItems\[(\d+)\]/.exec(path);
  if (item) {
    const it = root?.CFItems?.[Number(item[1])];
    return (
      [it?.humanCodingScheme, it?.fullStatement ?? it?.identifier].filter(Boolean).join(': ') ||
      `Item ${Number(item[1]) + 1} of the file`
    );
  }
  const assoc = /^CFAssociations\[(\d+)\]/.exec(path);
  if (assoc) {
    const a = root?.CFAssociations?.[Number(assoc[1])];
    const end = (e: Json) => e?.title ?? e?.identifier ?? '?';
    const kind = LINK_WORDS[a?.associationType as string] ?? 'Link';
    return a
      ? `${kind}: ${end(a.originNodeURI)} → ${end(a.destinationNodeURI)}`
      : `Link ${Number(assoc[1]) + 1} of the file`;
  }
  if (path.startsWith('CFDocument')) return root?.CFDocument?.title ?? 'The framework’s title and details';
  if (path.startsWith('CFRubrics')) return 'The rating levels (rubric)';
  return 'The file as a whole';
}

/**
 * The API's problem is worded for whoever prepares the file ("is required (an object)", "duplicates
 * CFItems[2].identifier"): a sentence about the item, the technical place kept for the hint.
 */
function problemText(message: string): string {
  const m = message.trim();
  if (/^(is|must|duplicates|links|has|needs|points)\b/.test(m)) return sentence(`This ${m}`);
  // An identifier first ("not-a-known-node is neither…") keeps its own case.
  return /^\S*[-_\d]/.test(m) ? (/[.!?]$/.test(m) ? m : `${m}.`) : sentence(m);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function summary(r: Result, what: 'file' | 'package'): string {
  const external = r.externalLinks
    ? ` ${plural(r.externalLinks, 'link')} ${r.externalLinks === 1 ? 'points' : 'point'} to frameworks your district does not have: ${r.externalLinks === 1 ? 'it is' : 'they are'} kept, and connect when you import ${r.externalLinks === 1 ? 'that framework' : 'those frameworks'}.`
    : '';
  return changeSummary(r, what) + external;
}

function changeSummary(r: Result, what: string): string {
  const { title, shortName } = r.framework;
  if (!r.changed)
    return `Nothing new: ${title} already matches this ${what} (${plural(r.unchanged.items, 'item')} and ${plural(r.unchanged.links, 'link')} unchanged).`;
  const head = r.created.framework
    ? `${r.dryRun ? 'Importing would create' : 'Created'} ${title} (${shortName})`
    : `${r.dryRun ? 'Importing would update' : 'Updated'} ${title}`;
  const parts = [
    `${plural(r.created.items, 'new item')}`,
    `${plural(r.created.links, 'new crosswalk link')}`,
    r.updated.items && plural(r.updated.items, 'changed item'),
    r.updated.links && plural(r.updated.links, 'changed link'),
    r.updated.framework && 'a changed title, description or rubric',
    r.removed.associations && `${plural(r.removed.associations, 'link')} no longer in the file`,
    r.resolvedLinks && `${plural(r.resolvedLinks, 'link')} of your other frameworks connected to it`,
    r.unchanged.items + r.unchanged.links > 0 &&
      `${plural(r.unchanged.items, 'item')} and ${plural(r.unchanged.links, 'link')} unchanged`,
  ].filter(Boolean);
  const ignored = r.ignoredAssociations
    ? ` ${plural(r.ignoredAssociations, 'repeated link')} left out (see the notes below).`
    : '';
  return `${head}: ${parts.join(', ')}.${ignored}`;
}

/** What a checked file holds and what importing it changes: the preview before anything is kept. */
function Preview({ result }: { result: Result }) {
  const { framework, itemChanges, notices } = result;
  const samples = [
    { title: 'New items', list: itemChanges.created, total: result.created.items },
    { title: 'Changed items', list: itemChanges.updated, total: result.updated.items },
  ].filter((x) => x.list.length > 0);
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      {framework.itemTypes.length > 0 && (
        <Box>
          <Typography id="preview-types" variant="h6" component="h2">
            What the file holds
          </Typography>
          <ItemTypeTable framework={framework} labelledBy="preview-types" />
        </Box>
      )}
      {framework.license && (
        <Typography variant="body2">
          Licence: {framework.license.title}. It is shown on the framework&apos;s page and goes with every export.
        </Typography>
      )}
      {samples.map((x) => (
        <Box key={x.title}>
          <Typography variant="h6" component="h2">
            {x.title} ({x.total}
            {x.total > x.list.length ? `, the first ${x.list.length} shown` : ''})
          </Typography>
          <Box component="ul" sx={{ my: 0.5, pl: 3 }}>
            {x.list.map((it, i) => (
              <li key={`${it.code}-${i}`}>
                <Typography variant="body2" component="span" sx={{ fontWeight: 600 }}>
                  {it.code}
                </Typography>{' '}
                <Typography variant="body2" component="span">
                  {it.title}
                  {it.itemType ? ` (${it.itemType})` : ''}
                </Typography>
              </li>
            ))}
          </Box>
        </Box>
      ))}
      {notices.length > 0 && (
        <Box>
          <Typography variant="h6" component="h2">
            Notes on the file
          </Typography>
          <Typography variant="body2" color="text.secondary">
            The file is valid; this is what the import does with parts of it that you might not expect.
          </Typography>
          <Box component="ul" sx={{ my: 0.5, pl: 3 }}>
            {notices.map((n) => (
              <li key={n.kind}>
                <Typography variant="body2">
                  {sentence(n.message)} ({n.count})
                </Typography>
              </li>
            ))}
          </Box>
        </Box>
      )}
    </Stack>
  );
}

/** The problems of a refused file, under one heading per kind, each against the item it concerns. */
function Problems({ problems, kinds }: { problems: Problem[]; kinds: ProblemKind[] }) {
  const byPath = new Map(problems.map((p) => [p.where, p]));
  // An answer without kinds (a roster-style error) still lists every problem.
  const groups: { kind: string; count: number; rows: Problem[] }[] = kinds.length
    ? kinds.map((k) => ({ kind: k.kind, count: k.count, rows: k.paths.flatMap((w) => byPath.get(w) ?? []) }))
    : [{ kind: 'problems', count: problems.length, rows: problems }];
  return (
    <Box sx={{ mt: 2 }}>
      {groups.map((g, i) => (
        <Box key={g.kind} component="section" aria-labelledby={`problems-${i}`} sx={{ mt: 2 }}>
          <Typography id={`problems-${i}`} variant="h6" component="h2">
            {kinds.length ? `${kindWords(g.kind)} (${g.count})` : 'Problems in the file'}
          </Typography>
          {g.rows.length < g.count && (
            <Typography variant="body2" color="text.secondary">
              {g.rows.length === 0
                ? 'None of these is listed: fix the problems listed here first, then check the file again.'
                : `The first ${g.rows.length} are listed.`}
            </Typography>
          )}
          {g.rows.length > 0 && (
            <ScrollBox label={`${kindWords(g.kind)}: the problems`}>
              <Table size="small" aria-label={kinds.length ? kindWords(g.kind) : 'Problems in the file'}>
                <TableHead>
                  <TableRow>
                    <TableCell>What</TableCell>
                    <TableCell>Problem</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {g.rows.map((p) => (
                    <TableRow key={p.where}>
                      <TableCell>{p.item}</TableCell>
                      <TableCell>
                        {problemText(p.message)}
                        <Typography variant="caption" component="div" color="text.secondary">
                          In the file: <code>{p.where}</code>
                        </Typography>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </ScrollBox>
          )}
        </Box>
      ))}
    </Box>
  );
}

type Source = { kind: 'file'; file: File } | { kind: 'url'; url: string };

export function ImportCasePage() {
  const [file, setFile] = useState<File | null>(null);
  const [pkg, setPkg] = useState<Json>(null);
  const [url, setUrl] = useState('');
  const [source, setSource] = useState<Source | null>(null);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [preview, setPreview] = useState<Result | null>(null);
  const [done, setDone] = useState<Result | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [problemKinds, setProblemKinds] = useState<ProblemKind[]>([]);
  const [message, setMessage] = useState<string | null>(null);

  function reset() {
    setPreview(null);
    setDone(null);
    setProblems([]);
    setProblemKinds([]);
    setMessage(null);
  }

  async function choose(f: File | null) {
    setFile(f);
    setPkg(null);
    setSource(null);
    reset();
    if (!f) return;
    try {
      setPkg(JSON.parse(await f.text()));
      setSource({ kind: 'file', file: f });
    } catch {
      setMessage('Emerge cannot read this file: it is not a framework file (JSON), or it is damaged.');
    }
  }

  async function send(from: Source, dryRun: boolean) {
    const path = `${API_URL}/competency-frameworks/${from.kind === 'file' ? 'import' : 'import-url'}?dryRun=${dryRun}`;
    if (from.kind === 'file')
      return uploadWithProgress(path, 'application/json', from.file, (pct) =>
        setBusy({
          label: pct < 100 ? `Uploading… ${pct}%` : dryRun ? 'Checking every item…' : 'Writing the framework…',
          pct,
        }),
      );
    setBusy({
      label: dryRun ? 'Fetching and checking the package…' : 'Fetching the package and importing it…',
      pct: 0,
    });
    const res = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${session.token()}` },
      body: JSON.stringify({ url: from.url }),
    }).catch(() => {
      throw new Error(NETWORK_TEXT);
    });
    return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
  }

  async function run(dryRun: boolean, from: Source | null = source) {
    if (!from) return;
    setSource(from);
    setProblems([]);
    setProblemKinds([]);
    setMessage(null);
    setBusy({ label: dryRun ? 'Checking the file…' : 'Importing…', pct: 0 });
    try {
      const res = await send(from, dryRun);
      if (res.status === 200 || res.status === 201) {
        const result = res.body as unknown as Result;
        if (dryRun) setPreview(result);
        else {
          setDone(result);
          setPreview(null);
        }
      } else {
        setPreview(null);
        const errors = (res.body.errors ?? {}) as Record<string, string>;
        const count = Object.keys(errors).filter((k) => k !== '(more)').length;
        const kinds = (res.body.problemKinds ?? []) as ProblemKind[];
        const total = kinds.reduce((n, k) => n + k.count, 0) || count;
        const what = from.kind === 'file' ? 'file' : 'package';
        // The API's summary names the format ("The CASE package has 2 problem(s)"); the tables say the rest.
        setMessage(
          res.body.code === 'import_invalid' && count > 0
            ? `Nothing was imported: the ${what} has ${plural(total, 'problem')}, listed below by kind. Fix ${total === 1 ? 'it' : 'them'} in the ${what} and check it again.`
            : from.kind === 'url' && typeof errors.url === 'string'
              ? `Emerge could not fetch the package: ${errors.url}`
              : apiErrorText(res.status, res.body, { fields: false }),
        );
        setProblemKinds(kinds);
        setProblems(
          Object.entries(errors)
            .filter(([where]) => where !== '(more)' && where !== 'url')
            .map(([where, msg]) => ({ where, item: describePath(pkg, where), message: msg })),
        );
      }
    } catch (e) {
      setMessage((e as Error).message);
    } finally {
      setBusy(null);
    }
  }

  const fromUrl = source?.kind === 'url';
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="Import a competency framework" />
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          Import a competency framework
        </Typography>
        <Typography variant="body2" sx={{ mb: 1 }}>
          Bring in a framework that a standards body, a state or another district has published as a framework file. It
          becomes one of your district&apos;s frameworks: its domains, competencies and indicators make the tree, its
          rating levels become the rubric, and where the file says one of its competencies is the same as, or related
          to, one you already have, Emerge links the two. Links to frameworks you do not have yet are kept, and connect
          when you import those. Nothing is saved until you press Import, and importing the same file again changes
          nothing. Check the file first.{' '}
          <a href="/samples/case-framework.json" download>
            Download a sample file
          </a>
          .
        </Typography>
        <Typography variant="caption" component="p" color="text.secondary" sx={{ mb: 2 }}>
          For whoever prepares the file: a 1EdTech CASE 1.0 package in JSON (CFPackage: CFDocument, CFItems,
          CFAssociations, CFRubrics, CFDefinitions). isChildOf builds the tree; exactMatchOf and isRelatedTo become
          crosswalk links; every other association, and any whose other end is outside the package, is kept as published
          and exported again. Identifiers match in any case; codes may repeat.
        </Typography>
        <ImportControls
          chooseText="Choose a file"
          accept=".json,application/json"
          inputLabel="Framework file"
          file={file}
          onChoose={(chosen) => void choose(chosen)}
          checkText="Check the file"
          canCheck={!!pkg}
          canImport={!!preview}
          busy={busy}
          onRun={(dryRun) => void run(dryRun, dryRun && file && pkg ? { kind: 'file', file } : source)}
        />
        <Box
          component="form"
          sx={{ mt: 2, display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}
          onSubmit={(e) => {
            e.preventDefault();
            if (url.trim()) void run(true, { kind: 'url', url: url.trim() });
          }}
        >
          <TextField
            label="Or the package's address on a CASE server"
            helperText="e.g. https://…/ims/case/v1p0/CFPackages/{identifier}, from your state's or publisher's CASE site"
            type="url"
            value={url}
            onChange={(e) => {
              setUrl(e.target.value);
              if (fromUrl) reset();
            }}
            sx={{ flex: '1 1 320px' }}
            size="small"
          />
          <Button type="submit" variant="contained" disabled={!url.trim() || !!busy}>
            Check the address
          </Button>
        </Box>
        {preview && (
          <>
            <Alert severity="info" sx={{ mt: 2 }}>
              The {fromUrl ? 'package' : 'file'} is ready to import. {summary(preview, fromUrl ? 'package' : 'file')}
              {preview.changed && ' Press Import to apply it.'}
            </Alert>
            <Preview result={preview} />
          </>
        )}
        {done && (
          <Alert severity="success" sx={{ mt: 2 }}>
            {summary(done, fromUrl ? 'package' : 'file')}{' '}
            <Link to={`/competency-frameworks/${done.framework.id}/show`}>Open {done.framework.title}</Link>.
          </Alert>
        )}
        {message && (
          <Alert severity="error" sx={{ mt: 2 }} role="alert">
            {message}
          </Alert>
        )}
        {problems.length > 0 && <Problems problems={problems} kinds={problemKinds} />}
      </CardContent>
    </Card>
  );
}
