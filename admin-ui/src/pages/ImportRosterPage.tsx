import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Title } from 'react-admin';
import { Link } from 'react-router-dom';
import { API_URL } from '../providers/httpClient';
import { session } from '../providers/session';

interface Report {
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  ignoredColumns: string[];
}
interface RowError {
  line: number;
  column: string;
  message: string;
}

/** Sends the file with XMLHttpRequest so a large upload shows its progress. */
function upload(
  file: File,
  dryRun: boolean,
  onProgress: (pct: number) => void,
): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_URL}/educators/import?dryRun=${dryRun}`);
    xhr.setRequestHeader('Content-Type', 'text/csv');
    xhr.setRequestHeader('Authorization', `Bearer ${session.token()}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () =>
      resolve({ status: xhr.status, body: JSON.parse(xhr.responseText || '{}') as Record<string, unknown> });
    xhr.onerror = () => reject(new Error('The upload failed; check your connection and try again'));
    xhr.send(file);
  });
}

export function ImportRosterPage() {
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<null | { label: string; pct: number }>(null);
  const [preview, setPreview] = useState<Report | null>(null);
  const [done, setDone] = useState<Report | null>(null);
  const [errors, setErrors] = useState<RowError[]>([]);
  const [message, setMessage] = useState<string | null>(null);

  async function run(dryRun: boolean) {
    if (!file) return;
    setErrors([]);
    setMessage(null);
    setBusy({ label: dryRun ? 'Checking the file…' : 'Importing…', pct: 0 });
    try {
      const res = await upload(file, dryRun, (pct) =>
        setBusy({
          label: pct < 100 ? `Uploading… ${pct}%` : dryRun ? 'Checking every row…' : 'Writing the roster…',
          pct,
        }),
      );
      if (res.status === 200) {
        if (dryRun) setPreview(res.body as unknown as Report);
        else {
          setDone(res.body as unknown as Report);
          setPreview(null);
        }
      } else {
        setPreview(null);
        setMessage(String(res.body.message ?? 'The file was not accepted'));
        if (Array.isArray(res.body.errors)) setErrors(res.body.errors as RowError[]);
      }
    } catch (e) {
      setMessage((e as Error).message);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="Import the roster" />
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          Import the roster from your HR system
        </Typography>
        <Typography variant="body2" sx={{ mb: 2 }}>
          A CSV file with a header row. Columns (any case): employee_number, first_name, last_name, job_title
          (required); email, school_code, leadership_level, years_in_education, status, retirement_eligible_year,
          gender, race_ethnicity. People are matched by employee number; people missing from the file are left alone.
          The import is all or nothing: check the file first. <a href="/samples/roster.csv">Download a sample file</a>.
        </Typography>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Button variant="outlined" component="label">
            Choose a CSV file
            <input
              hidden
              type="file"
              accept=".csv,text/csv"
              aria-label="Roster CSV file"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setPreview(null);
                setDone(null);
                setErrors([]);
                setMessage(null);
              }}
            />
          </Button>
          <Typography>{file ? `${file.name} (${Math.ceil(file.size / 1024)} KB)` : 'No file chosen'}</Typography>
          <Button variant="contained" disabled={!file || !!busy} onClick={() => run(true)}>
            Check file
          </Button>
          <Button variant="contained" color="secondary" disabled={!preview || !!busy} onClick={() => run(false)}>
            Import
          </Button>
        </Stack>
        {busy && (
          <Box sx={{ mt: 2 }} role="status" aria-live="polite">
            <Typography variant="body2">{busy.label}</Typography>
            <LinearProgress
              variant={busy.pct > 0 && busy.pct < 100 ? 'determinate' : 'indeterminate'}
              value={busy.pct}
              aria-label={busy.label}
            />
          </Box>
        )}
        {preview && (
          <Alert severity="info" sx={{ mt: 2 }}>
            The file is valid: {preview.rows} rows. Importing would create {preview.created}, update {preview.updated}{' '}
            and leave {preview.unchanged} unchanged.
            {preview.ignoredColumns.length > 0 && ` Ignored columns: ${preview.ignoredColumns.join(', ')}.`} Press
            Import to apply it.
          </Alert>
        )}
        {done && (
          <Alert severity="success" sx={{ mt: 2 }}>
            Imported {done.rows} rows: {done.created} created, {done.updated} updated, {done.unchanged} unchanged.{' '}
            <Link to="/educators">Open the roster</Link>.
          </Alert>
        )}
        {message && (
          <Alert severity="error" sx={{ mt: 2 }} role="alert">
            {message}
          </Alert>
        )}
        {errors.length > 0 && (
          <Table size="small" sx={{ mt: 2 }} aria-label="Problems in the file">
            <TableHead>
              <TableRow>
                <TableCell>Line</TableCell>
                <TableCell>Column</TableCell>
                <TableCell>Problem</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {errors.map((e, i) => (
                <TableRow key={i}>
                  <TableCell>{e.line > 1e12 ? '' : e.line}</TableCell>
                  <TableCell>{e.column}</TableCell>
                  <TableCell>{e.message}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
