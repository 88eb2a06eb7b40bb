import { type Theme, useMediaQuery } from '@mui/material';

/** Below MUI's `sm` breakpoint (600 px), where react-admin also switches to its phone layout. */
export function useIsPhone(): boolean {
  return useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
}
