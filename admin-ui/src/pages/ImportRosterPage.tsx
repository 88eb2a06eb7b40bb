import { Alert, Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { Title } from 'react-admin';
import { Link } from 'react-router-dom';
import { apiErrorText } from '../providers/errorText';
import { API_URL } from '../providers/httpClient';
import { Busy, ImportControls, uploadWithProgress } from './ImportControls';

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

export function ImportRosterPage() {
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<Busy | null>(null);
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
      const res = await uploadWithProgress(`${API_URL}/educators/import?dryRun=${dryRun}`, 'text/csv', file, (pct) =>
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
        setMessage(apiErrorText(res.status, res.body, { fields: false }));
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
          birth_year, service_start_on (YYYY-MM-DD), gender, race_ethnicity. People are matched by employee number;
          people missing from the file are left alone. The import is all or nothing: check the file first.{' '}
          <a href="/samples/roster.csv">Download a sample file</a>.
        </Typography>
        <ImportControls
          chooseText="Choose a CSV file"
          accept=".csv,text/csv"
          inputLabel="Roster CSV file"
          file={file}
          onChoose={(chosen) => {
            setFile(chosen);
            setPreview(null);
            setDone(null);
            setErrors([]);
            setMessage(null);
          }}
          checkText="Check file"
          canCheck={!!file}
          canImport={!!preview}
          busy={busy}
          onRun={(dryRun) => void run(dryRun)}
        />
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
