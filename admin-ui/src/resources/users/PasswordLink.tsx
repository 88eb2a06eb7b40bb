import { Alert, Button, TextField as MuiTextField, Stack } from '@mui/material';
import { useState } from 'react';
import { useNotify, useRecordContext } from 'react-admin';
import { formatDate } from '../../layout/dates';
import { API_URL, httpClient } from '../../providers/httpClient';

/** Links are shown once: the creating screen hands them over here through this in-memory map. */
export const freshLinks = new Map<string, { path: string; expiresAt: string }>();

export function PasswordLink() {
  const record = useRecordContext<{ id: string; email: string }>();
  const notify = useNotify();
  const [link, setLink] = useState(() => (record ? freshLinks.get(record.id) : undefined));
  if (!record) return null;

  async function issue() {
    const { json } = await httpClient(`${API_URL}/users/${record!.id}/password-link`, { method: 'POST' });
    const body = json as { setPasswordPath: string; setPasswordExpiresAt: string };
    setLink({ path: body.setPasswordPath, expiresAt: body.setPasswordExpiresAt });
    notify('A new set-password link was made; earlier links no longer work', { type: 'info' });
  }

  const url = link ? `${window.location.origin}${link.path}` : '';
  return (
    <Stack spacing={1} sx={{ mt: 2 }}>
      {link && (
        <Alert severity="info">
          Send this one-time link to {record.email}. It works once, until {formatDate(link.expiresAt, true)}, and is not
          shown again.
          <MuiTextField
            label="Set-password link"
            value={url}
            fullWidth
            margin="dense"
            slotProps={{ htmlInput: { readOnly: true } }}
          />
        </Alert>
      )}
      <Button variant="outlined" onClick={issue} sx={{ alignSelf: 'flex-start' }}>
        Make a new set-password link
      </Button>
    </Stack>
  );
}
