import { Box, CircularProgress, Typography } from '@mui/material';

/** Shown while a screen's code is fetched; a status, so screen readers announce it. */
export function PageLoading() {
  return (
    <Box role="status" sx={{ display: 'flex', alignItems: 'center', gap: 1, mt: 2 }}>
      <CircularProgress size={20} aria-hidden />
      <Typography>Loading…</Typography>
    </Box>
  );
}
