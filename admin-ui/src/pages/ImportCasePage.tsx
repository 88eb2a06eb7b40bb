import { Alert, Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { Title } from 'react-admin';
import { Link } from 'react-router-dom';
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

/** What a path such as `CFItems[3].identifier` points at in the package, so a person can find it. */
export function describePath(pkg: Json, path: string): string {
  const root = pkg?.CFPackage ?? pkg;
  const item = /^CFItems\[(\d+)\]/.exec(path);
  if (item) {
    const it = root?.CFItems?.[Number(item[1])];
    return [it?.humanCodingScheme, it?.fullStatement ?? it?.identifier].filter(Boolean).join(': ') || `item ${item[1]}`;
  }
  const assoc = /^CFAssociations\[(\d+)\]/.exec(path);
  if (assoc) {
    const a = root?.CFAssociations?.[Number(assoc[1])];
    const end = (e: Json) => e?.title ?? e?.identifier ?? '?';
    return a ? `${a.associationType ?? 'association'}: ${end(a.originNodeURI)} → ${end(a.destinationNodeURI)}` : '';
  }
  if (path.startsWith('CFDocument')) return root?.CFDocument?.title ?? 'the document';
  if (path.startsWith('CFRubrics')) return 'the rubric';
  return '';
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function summary(r: Result): string {
  const { title, shortName } = r.framework;
  if (!r.changed)
    return `Nothing new: ${title} already matches this package (${plural(r.unchanged.items, 'item')} and ${plural(r.unchanged.links, 'link')} unchanged).`;
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
  const ignored = r.ignoredAssociations
    ? ` ${plural(r.ignoredAssociations, 'association')} of other types ignored.`
    : '';
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
    } catch (e) {
      setMessage(`This file is not valid JSON: ${(e as Error).message}`);
    }
  }

  async function run(dryRun: boolean) {
    if (!file) return;
    setProblems([]);
    setMessage(null);
    setBusy({ label: dryRun ? 'Checking the package…' : 'Importing…', pct: 0 });
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
        setMessage(String(res.body.message ?? 'The package was not accepted'));
        const errors = (res.body.errors ?? {}) as Record<string, string>;
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
      <Title title="Import a CASE package" />
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          Import a competency framework (CASE 1.0)
        </Typography>
        <Typography variant="body2" sx={{ mb: 2 }}>
          A 1EdTech CASE 1.0 package as JSON (CFDocument, CFItems, CFAssociations and CFRubrics) becomes one of your
          district&apos;s frameworks: isChildOf builds the tree, the rubric levels become its rubric, and exactMatchOf /
          isRelatedTo become crosswalk links to nodes you already have, found by their CASE identifier. The import is
          all or nothing; importing the same package again changes nothing. Check the package first.{' '}
          <a href="/samples/case-framework.json" download>
            Download a sample package
          </a>
          .
        </Typography>
        <ImportControls
          chooseText="Choose a JSON file"
          accept=".json,application/json"
          inputLabel="CASE package file"
          file={file}
          onChoose={(chosen) => void choose(chosen)}
          checkText="Check package"
          canCheck={!!pkg}
          canImport={!!preview}
          busy={busy}
          onRun={(dryRun) => void run(dryRun)}
        />
        {preview && (
          <Alert severity="info" sx={{ mt: 2 }}>
            The package is valid. {summary(preview)}
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
          <Table size="small" sx={{ mt: 2 }} aria-label="Problems in the package">
            <TableHead>
              <TableRow>
                <TableCell>Where</TableCell>
                <TableCell>Item</TableCell>
                <TableCell>Problem</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {problems.map((p) => (
                <TableRow key={p.where}>
                  <TableCell sx={{ fontFamily: 'monospace' }}>{p.where}</TableCell>
                  <TableCell>{p.item}</TableCell>
                  <TableCell>{p.message}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
