import { Chip } from '@mui/material';

/** Shared reference frameworks are read-only; the district's own are editable by hr and coordinators. */
export function FrameworkBadge({ reference }: { reference: boolean }) {
  return reference ? (
    <Chip size="small" variant="outlined" label="Reference" />
  ) : (
    <Chip size="small" color="primary" label="Our district" />
  );
}
