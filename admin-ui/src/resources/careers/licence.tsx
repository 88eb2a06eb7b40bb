import { Chip } from '@mui/material';

export type LicenceStatus = 'verified' | 'unverified' | 'expired' | 'none';

const TEXT: Record<LicenceStatus, string> = {
  verified: 'Licence verified',
  unverified: 'Licence not verified yet',
  expired: 'Licence expired',
  none: 'No licence on record',
};

/** What a placement into a role that requires a licence would warn about; null: nothing. */
export function licenceWarning(status: LicenceStatus | null | undefined): string | null {
  if (!status || status === 'verified') return null;
  return `${TEXT[status]}: this role requires a verified, current licence. You can still place them.`;
}

/** A candidate's licence standing for a role that requires one (shown only where the API sends it). */
export function LicenceChip({ status }: { status: LicenceStatus | null | undefined }) {
  if (!status) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={status === 'verified' ? 'success' : 'default'}
      // The theme's warning orange is too light for text on white (WCAG AA): a darker one.
      sx={status === 'unverified' || status === 'expired' ? { color: '#8a4100', borderColor: '#8a4100' } : undefined}
      label={TEXT[status]}
    />
  );
}
