import { Alert, Box, Button, FormControlLabel, Stack, Switch, TextField, Typography } from '@mui/material';
import { FormEvent, useCallback, useEffect, useState } from 'react';
import { useNotify } from 'react-admin';
import { formatDate } from '../layout/dates';
import { API_URL, httpClient } from '../providers/httpClient';

interface IdentityProvider {
  districtId: string;
  configured: boolean;
  enabled: boolean;
  displayName: string;
  issuerUrl: string;
  clientId: string;
  clientSecretSet: boolean;
  emailDomains: string[];
  hostedDomain: string | null;
  tenantId: string | null;
  passwordSignInAllowed: boolean;
  redirectUri: string;
  version: number;
  updatedAt: string | null;
}

interface Form {
  enabled: boolean;
  displayName: string;
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
  emailDomains: string;
  hostedDomain: string;
  tenantId: string;
  passwordSignInAllowed: boolean;
}

const toForm = (p: IdentityProvider): Form => ({
  enabled: p.configured ? p.enabled : true,
  displayName: p.displayName,
  issuerUrl: p.issuerUrl,
  clientId: p.clientId,
  clientSecret: '',
  emailDomains: p.emailDomains.join(', '),
  hostedDomain: p.hostedDomain ?? '',
  tenantId: p.tenantId ?? '',
  passwordSignInAllowed: p.passwordSignInAllowed,
});

/** District settings → Identity provider: the district's single sign-on (docs/sso.md), for hr. */
export function IdentityProviderSection({ districtId }: { districtId: string }) {
  const notify = useNotify();
  const [current, setCurrent] = useState<IdentityProvider | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const url = `${API_URL}/districts/${districtId}/identity-provider`;

  const load = useCallback(() => {
    httpClient(url).then(
      ({ json }) => {
        setCurrent(json as IdentityProvider);
        setForm(toForm(json as IdentityProvider));
      },
      (e: Error) => setLoadError(e.message),
    );
  }, [url]);
  useEffect(load, [load]);

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!current || !form) return;
    setSaving(true);
    try {
      const { json } = await httpClient(url, {
        method: 'PUT',
        body: JSON.stringify({
          enabled: form.enabled,
          displayName: form.displayName,
          issuerUrl: form.issuerUrl,
          clientId: form.clientId,
          ...(form.clientSecret && { clientSecret: form.clientSecret }),
          emailDomains: form.emailDomains
            .split(/[\s,;]+/)
            .map((d) => d.trim())
            .filter(Boolean),
          hostedDomain: form.hostedDomain.trim() || null,
          tenantId: form.tenantId.trim() || null,
          passwordSignInAllowed: form.passwordSignInAllowed,
          version: current.version,
        }),
      });
      setCurrent(json as IdentityProvider);
      setForm(toForm(json as IdentityProvider));
      setErrors({});
      notify('Identity provider saved', { type: 'success' });
    } catch (err) {
      const error = err as { status?: number; message: string; body?: { errors?: Record<string, string> } };
      if (error.status === 409 && !error.body?.errors) {
        notify('Someone else changed the identity provider meanwhile: the current values are shown again.', {
          type: 'warning',
        });
        load();
      } else setErrors(error.body?.errors ?? { form: error.message });
    } finally {
      setSaving(false);
    }
  }

  const field = (key: keyof Form, label: string, helper: string, extra: Record<string, unknown> = {}) => (
    <TextField
      label={label}
      value={form?.[key] as string}
      onChange={(e) => {
        setForm((f) => (f ? { ...f, [key]: e.target.value } : f));
        setErrors(({ [key]: _gone, ...rest }) => rest);
      }}
      error={!!errors[key]}
      helperText={errors[key] ?? helper}
      fullWidth
      {...extra}
    />
  );

  return (
    <Box component="section" aria-labelledby="idp-title" sx={{ mt: 4 }}>
      <Typography id="idp-title" variant="h6" component="h2">
        Identity provider
      </Typography>
      <Typography sx={{ mt: 1 }}>
        Let your people sign in with their Google Workspace or Microsoft account. Register Emerge with your provider
        using the redirect URI below, then enter what the provider gives you. Nobody gets an Emerge account by signing
        in: HR still gives logins.
      </Typography>
      {loadError && (
        <Alert severity="error" sx={{ mt: 2 }}>
          The identity provider could not be loaded: {loadError}
        </Alert>
      )}
      {current && form && (
        <Stack component="form" spacing={2} sx={{ mt: 2 }} onSubmit={save} noValidate>
          <TextField
            label="Redirect URI (register it with the provider)"
            value={current.redirectUri}
            slotProps={{ htmlInput: { readOnly: true } }}
            fullWidth
          />
          <FormControlLabel
            control={
              <Switch checked={form.enabled} onChange={(e) => setForm({ ...form, enabled: e.target.checked })} />
            }
            label="Single sign-on on"
          />
          {field('displayName', 'Button name', 'The sign-in page shows “Continue with <button name>”')}
          {field(
            'issuerUrl',
            'Issuer URL',
            'Google: https://accounts.google.com; Entra ID: https://login.microsoftonline.com/<tenant id>/v2.0',
          )}
          {field('clientId', 'Client ID', 'From the provider’s app registration')}
          {field(
            'clientSecret',
            'Client secret',
            current.clientSecretSet
              ? 'A secret is stored (never shown). Leave empty to keep it; type a new one to replace it.'
              : 'From the provider’s app registration',
            { type: 'password', autoComplete: 'new-password' },
          )}
          {field('emailDomains', 'Email domains', 'Comma-separated, e.g. riverbend.k12.example')}
          {field('hostedDomain', 'Google Workspace domain (hd)', 'Google only: the Workspace’s primary domain')}
          {field('tenantId', 'Microsoft Entra tenant ID', 'Entra ID only: the directory (tenant) ID')}
          <FormControlLabel
            control={
              <Switch
                checked={form.passwordSignInAllowed}
                onChange={(e) => {
                  setForm({ ...form, passwordSignInAllowed: e.target.checked });
                  setErrors(({ passwordSignInAllowed: _gone, ...rest }) => rest);
                }}
              />
            }
            label="People may also sign in with a password"
          />
          {errors.passwordSignInAllowed && <Alert severity="error">{errors.passwordSignInAllowed}</Alert>}
          {errors.form && <Alert severity="error">{errors.form}</Alert>}
          <Box>
            <Button type="submit" variant="contained" disabled={saving}>
              Save identity provider
            </Button>
          </Box>
          {current.updatedAt && (
            <Typography variant="body2" color="text.secondary">
              Last changed {formatDate(current.updatedAt, true)}.
            </Typography>
          )}
        </Stack>
      )}
    </Box>
  );
}
