import { Alert, Button, DialogActions } from '@mui/material';

/** What went wrong with the last save, shown in the dialog above its buttons; nothing before a failure. */
export function DialogProblem({ problem }: { problem: string | null }) {
  if (!problem) return null;
  return (
    <Alert severity="error" sx={{ mt: 2 }}>
      {problem}
    </Alert>
  );
}

/** The Cancel and Save buttons of an editing dialog. */
export function DialogSaveActions({ onClose, onSave }: { onClose: () => void; onSave: () => void }) {
  return (
    <DialogActions>
      <Button onClick={onClose}>Cancel</Button>
      <Button variant="contained" onClick={onSave}>
        Save
      </Button>
    </DialogActions>
  );
}
