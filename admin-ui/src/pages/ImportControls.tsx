import { Box, Button, LinearProgress, Stack, Typography } from '@mui/material';
import { NETWORK_TEXT } from '../providers/errorText';
import { session } from '../providers/session';

export interface Busy {
  label: string;
  pct: number;
}

/** POSTs a file with XMLHttpRequest so a large upload shows its progress; any answer resolves. */
export function uploadWithProgress(
  url: string,
  contentType: string,
  file: File,
  onProgress: (pct: number) => void,
): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Content-Type', contentType);
    xhr.setRequestHeader('Authorization', `Bearer ${session.token()}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(xhr.responseText || '{}') as Record<string, unknown>;
      } catch {
        body = {};
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new Error(NETWORK_TEXT));
    xhr.send(file);
  });
}

/** The file chooser, "check" and "import" buttons, and the progress line shared by the import pages. */
export function ImportControls(props: {
  chooseText: string;
  accept: string;
  inputLabel: string;
  file: File | null;
  onChoose: (file: File | null) => void;
  checkText: string;
  canCheck: boolean;
  canImport: boolean;
  busy: Busy | null;
  onRun: (dryRun: boolean) => void;
}) {
  const { file, busy } = props;
  return (
    <>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Button variant="outlined" component="label">
          {props.chooseText}
          <input
            hidden
            type="file"
            accept={props.accept}
            aria-label={props.inputLabel}
            onChange={(e) => props.onChoose(e.target.files?.[0] ?? null)}
          />
        </Button>
        <Typography>{file ? `${file.name} (${Math.ceil(file.size / 1024)} KB)` : 'No file chosen'}</Typography>
        <Button variant="contained" disabled={!props.canCheck || !!busy} onClick={() => props.onRun(true)}>
          {props.checkText}
        </Button>
        <Button
          variant="contained"
          color="secondary"
          disabled={!props.canImport || !!busy}
          onClick={() => props.onRun(false)}
        >
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
    </>
  );
}
