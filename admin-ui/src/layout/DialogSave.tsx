import { Alert, Button, DialogActions } from '@mui/material';
import { useState } from 'react';
import { useNotify } from 'react-admin';

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

/**
 * A dialog's save: runs `send`, then says `done` and calls `onDone`; a refusal stays in the dialog as its
 * problem (the API's own words), so nothing typed is lost.
 */
export function useDialogSave(onDone: () => void) {
  const notify = useNotify();
  const [problem, setProblem] = useState<string | null>(null);
  const run = async (send: () => Promise<unknown>, done: string) => {
    try {
      await send();
      notify(done, { type: 'success' });
      onDone();
    } catch (e) {
      setProblem((e as Error).message);
    }
  };
  return { problem, run };
}
