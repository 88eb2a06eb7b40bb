import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@mui/material';

export interface LoginResult {
  educatorId: string;
  name: string;
  result: 'created' | 'reissued' | 'skipped';
  reason?: string;
  email?: string;
  setPasswordPath?: string;
  setPasswordExpiresAt?: string;
}

/** The one-time set-password links of a login action, per person; they are shown once. */
export function LoginLinksDialog({ results, onClose }: { results: LoginResult[] | null; onClose: () => void }) {
  return (
    <Dialog open={results !== null} onClose={onClose} maxWidth="lg" fullWidth aria-labelledby="login-links-title">
      <DialogTitle id="login-links-title">Set-password links</DialogTitle>
      <DialogContent>
        <Alert severity="info" sx={{ mb: 2 }}>
          Send each person their link. A link works once, for 72 hours, and is not shown again (make a new one from the
          educator&apos;s page if it is lost).
        </Alert>
        <Table size="small" aria-label="Login results">
          <TableHead>
            <TableRow>
              <TableCell>Person</TableCell>
              <TableCell>Result</TableCell>
              <TableCell>Email</TableCell>
              <TableCell>Link</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(results ?? []).map((r) => (
              <TableRow key={r.educatorId}>
                <TableCell>{r.name}</TableCell>
                <TableCell>
                  {r.result === 'skipped'
                    ? `Skipped: ${r.reason}`
                    : r.result === 'created'
                      ? 'Login created'
                      : 'New link'}
                </TableCell>
                <TableCell>{r.email ?? ''}</TableCell>
                <TableCell sx={{ wordBreak: 'break-all' }}>
                  {r.setPasswordPath ? `${window.location.origin}${r.setPasswordPath}` : ''}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
