import { Alert, Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { Title } from 'react-admin';
import { Link } from 'react-router-dom';
import { apiErrorText, sentence } from '../providers/errorText';
import { API_URL } from '../providers/httpClient';
import { Busy, ImportControls, uploadWithProgress } from './ImportControls';

interface Counts {
  framework: number;
  items: number;
  links: number;
}
interface Result {
  dryRun: boolean;
  changed: boolean;
  framework: { id: string; title: string; shortName: string; nodeCount: number };
  created: Counts;
  updated: Counts;
  unchanged: Counts;
  ignoredAssociations: number;
}
interface Problem {
  where: string;
  item: string;
  message: string;
}
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

function summary(r: Result): string {
  const { title, shortName } = r.framework;
  if (!r.changed)
    return `Nothing new: ${title} already matches this file (${plural(r.unchanged.items, 'item')} and ${plural(r.unchanged.links, 'link')} unchanged).`;
  const head = r.created.framework
    ? `${r.dryRun ? 'Importing would create' : 'Created'} ${title} (${shortName})`
    : `${r.dryRun ? 'Importing would update' : 'Updated'} ${title}`;
  const parts = [
    `${plural(r.created.items, 'new item')}`,
    `${plural(r.created.links, 'new crosswalk link')}`,
    r.updated.items && plural(r.updated.items, 'changed item'),
    r.updated.links && plural(r.updated.links, 'changed link'),
    r.updated.framework && 'a changed title, description or rubric',
    r.unchanged.items + r.unchanged.links > 0 &&
      `${plural(r.unchanged.items, 'item')} and ${plural(r.unchanged.links, 'link')} unchanged`,
  ].filter(Boolean);
  const ignored = r.ignoredAssociations ? ` ${plural(r.ignoredAssociations, 'link')} of other kinds left out.` : '';
  return `${head}: ${parts.join(', ')}.${ignored}`;
}

export function ImportCasePage() {
  const [file, setFile] = useState<File | null>(null);
  const [pkg, setPkg] = useState<Json>(null);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [preview, setPreview] = useState<Result | null>(null);
  const [done, setDone] = useState<Result | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [message, setMessage] = useState<string | null>(null);

  async function choose(f: File | null) {
    setFile(f);
    setPkg(null);
    setPreview(null);
    setDone(null);
    setProblems([]);
    setMessage(null);
    if (!f) return;
    try {
      setPkg(JSON.parse(await f.text()));
    } catch {
      setMessage('Emerge cannot read this file: it is not a framework file (JSON), or it is damaged.');
    }
  }

  async function run(dryRun: boolean) {
    if (!file) return;
    setProblems([]);
    setMessage(null);
    setBusy({ label: dryRun ? 'Checking the file…' : 'Importing…', pct: 0 });
    try {
      const res = await uploadWithProgress(
        `${API_URL}/competency-frameworks/import?dryRun=${dryRun}`,
        'application/json',
        file,
        (pct) =>
          setBusy({
            label: pct < 100 ? `Uploading… ${pct}%` : dryRun ? 'Checking every item…' : 'Writing the framework…',
            pct,
          }),
      );
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
        // The API's summary names the format ("The CASE package has 2 problem(s)"); the table says the rest.
        setMessage(
          res.body.code === 'import_invalid' && count > 0
            ? `Nothing was imported: the file has ${plural(count, 'problem')}, listed below. Fix ${count === 1 ? 'it' : 'them'} in the file and check it again.`
            : apiErrorText(res.status, res.body, { fields: false }),
        );
        setProblems(
          Object.entries(errors).map(([where, msg]) => ({ where, item: describePath(pkg, where), message: msg })),
        );
      }
    } catch (e) {
      setMessage((e as Error).message);
    } finally {
      setBusy(null);
    }
  }

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
          to, one you already have, Emerge links the two. Nothing is saved until you press Import, and importing the
          same file again changes nothing. Check the file first.{' '}
          <a href="/samples/case-framework.json" download>
            Download a sample file
          </a>
          .
        </Typography>
        <Typography variant="caption" component="p" color="text.secondary" sx={{ mb: 2 }}>
          For whoever prepares the file: a 1EdTech CASE 1.0 package in JSON (CFDocument, CFItems, CFAssociations,
          CFRubrics). isChildOf builds the tree; exactMatchOf and isRelatedTo become crosswalk links to nodes matched by
          their CASE identifier.
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
          onRun={(dryRun) => void run(dryRun)}
        />
        {preview && (
          <Alert severity="info" sx={{ mt: 2 }}>
            The file is ready to import. {summary(preview)}
            {preview.changed && ' Press Import to apply it.'}
          </Alert>
        )}
        {done && (
          <Alert severity="success" sx={{ mt: 2 }}>
            {summary(done)}{' '}
            <Link to={`/competency-frameworks/${done.framework.id}/show`}>Open {done.framework.title}</Link>.
          </Alert>
        )}
        {message && (
          <Alert severity="error" sx={{ mt: 2 }} role="alert">
            {message}
          </Alert>
        )}
        {problems.length > 0 && (
          <Table size="small" sx={{ mt: 2 }} aria-label="Problems in the file">
            <TableHead>
              <TableRow>
                <TableCell>What</TableCell>
                <TableCell>Problem</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {problems.map((p) => (
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
        )}
      </CardContent>
    </Card>
  );
}
