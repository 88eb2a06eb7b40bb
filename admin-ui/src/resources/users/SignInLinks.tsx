import { Box, Button, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { Confirm, useNotify, useRecordContext } from 'react-admin';
import { formatDate } from '../../layout/dates';
import { API_URL, httpClient } from '../../providers/httpClient';

interface Link {
  issuer: string;
  emailAtLink: string;
  linkedAt: string;
  lastUsedAt: string | null;
}

/**
 * The person's single sign-on links. Removing them (the provider recreated the account, or it is no longer
 * theirs) ends their sessions; the next sign-in through the district's provider links again.
 */
export function SignInLinks({ canManage }: { canManage: boolean }) {
  const record = useRecordContext<{ id: string; name: string }>();
  const notify = useNotify();
  const [links, setLinks] = useState<Link[] | null>(null);
  const [confirming, setConfirming] = useState(false);
  const id = record?.id;

  const load = useCallback(() => {
    if (!id) return;
    httpClient(`${API_URL}/users/${id}/sign-in-links`).then(
      ({ json }) => setLinks(json as Link[]),
      () => setLinks([]),
    );
  }, [id]);
  useEffect(load, [load]);

  async function remove() {
    setConfirming(false);
    try {
      const { json } = await httpClient(`${API_URL}/users/${id}/sign-in-links/removal`, {
        method: 'POST',
        body: '{}',
      });
      notify(`${(json as { removed: number }).removed} link removed; their sessions have ended`, { type: 'info' });
      load();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  }

  if (!record || links === null) return null;
  return (
    <Box component="section" aria-labelledby="sign-in-links" sx={{ mt: 2 }}>
      <Typography id="sign-in-links" variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
        Single sign-on
      </Typography>
      {links.length === 0 ? (
        <Typography variant="body2">
          Not linked to a district account (yet): the first single sign-on links it.
        </Typography>
      ) : (
        <Box component="ul" sx={{ my: 0.5, pl: 3 }}>
          {links.map((l) => (
            <li key={`${l.issuer}-${l.linkedAt}`}>
              <Typography variant="body2">
                {l.emailAtLink} at {l.issuer}, linked {formatDate(l.linkedAt, true)}
                {l.lastUsedAt ? `, last used ${formatDate(l.lastUsedAt, true)}` : ''}
              </Typography>
            </li>
          ))}
        </Box>
      )}
      {canManage && links.length > 0 && (
        <>
          <Button variant="outlined" color="error" onClick={() => setConfirming(true)} sx={{ mt: 1 }}>
            Remove the link
          </Button>
          <Confirm
            isOpen={confirming}
            title={`Remove ${record.name}'s single sign-on link?`}
            content="Their sessions end now. Their next sign-in through the district's provider links their account again, by verified email."
            confirm="Remove"
            onConfirm={() => void remove()}
            onClose={() => setConfirming(false)}
          />
        </>
      )}
    </Box>
  );
}
