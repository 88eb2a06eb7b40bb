import { defaultTheme } from 'react-admin';

// A deep green primary keeps text and buttons above the WCAG AA 4.5:1 contrast ratio on white.
export const theme = {
  ...defaultTheme,
  palette: {
    primary: { main: '#1b5e20', contrastText: '#ffffff' },
    secondary: { main: '#0d47a1', contrastText: '#ffffff' },
    background: { default: '#f7f8f7' },
  },
  components: {
    ...defaultTheme.components,
    // react-admin's spinners (app bar, counts, buttons) render role="progressbar" with no name; screen
    // readers then announce an unnamed progress bar, and axe flags it whenever a refetch is in flight.
    MuiCircularProgress: { defaultProps: { 'aria-label': 'Loading' } },
    MuiLinearProgress: { defaultProps: { 'aria-label': 'Loading' } },
    // react-admin's "Skip to content" link-button: below 600 px its Button renders only an (absent) icon, an empty
    // box when it takes the focus; show its name as text. Also white on green, not white on the page's near-white.
    RaSkipNavigationButton: {
      styleOverrides: {
        root: {
          backgroundColor: '#1b5e20',
          color: '#ffffff',
          '&:hover': { backgroundColor: '#1b5e20' },
          '&.MuiIconButton-root': { borderRadius: 4, fontSize: '0.875rem', fontWeight: 500 },
          '&.MuiIconButton-root::after': { content: 'attr(aria-label)' },
        },
      },
    },
    // The keyboard focus on a side-menu item was a faint grey fill: draw a 2 px outline in the primary green
    // (over 7:1 on white), inside the item so the drawer does not clip it.
    RaMenuItemLink: {
      styleOverrides: {
        root: {
          '&.Mui-focusVisible, &:focus-visible': { outline: '2px solid #1b5e20', outlineOffset: '-2px' },
        },
      },
    },
  },
  sidebar: { width: 220, closedWidth: 55 },
};
