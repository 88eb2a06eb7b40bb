import { defaultTheme } from 'react-admin';

// People who ask their system for less motion get none: menus, dialogs and notices appear at once.
const reducedMotion = typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

// A deep green primary keeps text and buttons above the WCAG AA 4.5:1 contrast ratio on white.
export const theme = {
  ...defaultTheme,
  ...(reducedMotion ? { transitions: { create: () => 'none' } } : {}),
  palette: {
    primary: { main: '#1b5e20', contrastText: '#ffffff' },
    secondary: { main: '#0d47a1', contrastText: '#ffffff' },
    background: { default: '#f7f8f7' },
    // MUI's error red (#d32f2f) was 3.8:1 on the grey form toolbar (Delete); this one is over 5:1 there, 6.6:1 on white.
    error: { main: '#b71c1c', contrastText: '#ffffff' },
    // MUI's warning orange (#ed6c02) is 3.1:1 under white text (a warning notice); this one is over 7:1.
    warning: { main: '#8a4100', contrastText: '#ffffff' },
  },
  components: {
    ...defaultTheme.components,
    // One visible focus ring for every control: 2 px, the primary green on light surfaces (over 7:1 on white),
    // white on the blue app bar (over 8:1). MUI's ButtonBase removes the browser's own outline.
    MuiCssBaseline: {
      styleOverrides: {
        'body :focus-visible, body .Mui-focusVisible': { outline: '2px solid #1b5e20', outlineOffset: 2 },
        'body .MuiAppBar-root :focus-visible, body .MuiAppBar-root .Mui-focusVisible': { outlineColor: '#ffffff' },
        // Drawn inside where a scrolling or clipping parent would cut an outer ring off.
        'body .MuiTab-root.Mui-focusVisible, body .MuiMenuItem-root.Mui-focusVisible, body .MuiListItemButton-root.Mui-focusVisible, body #react-admin-title:focus-visible':
          { outlineOffset: -2 },
        // A text field already shows its focus: the 2 px underline in the primary colour.
        'body .MuiInputBase-input:focus-visible': { outline: 'none' },
      },
    },
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
    // react-admin sizes the layout to fit its content (min-width: fit-content), so one wide table widened the whole
    // page, app bar included, on a phone. Keep it at the screen's width; wide content scrolls in its own box.
    RaLayout: {
      styleOverrides: {
        root: { minWidth: 0, '& .RaLayout-content': { minWidth: 0 } },
      },
    },
    // The page's main column is a flex item that would otherwise grow to its widest child.
    RaList: { styleOverrides: { root: { '& .RaList-main': { minWidth: 0 } } } },
    RaShow: { styleOverrides: { root: { '& .RaShow-main': { minWidth: 0 } } } },
    RaEdit: { styleOverrides: { root: { '& .RaEdit-main': { minWidth: 0 } } } },
    RaCreate: { styleOverrides: { root: { '& .RaCreate-main': { minWidth: 0 } } } },
    // Last resort for a table still too wide for the screen: it scrolls in its own box, the page does not.
    RaDatagrid: { styleOverrides: { root: { '& .RaDatagrid-tableWrapper': { overflowX: 'auto' } } } },
    // A list's search box: wide enough on a desktop for its whole hint (react-admin's is ~16 rem, which cut
    // "Search name, email or employee number" short); on a phone it already takes the row's width.
    RaSearchInput: { styleOverrides: { root: { '@media (min-width: 600px)': { minWidth: '22rem' } } } },
    // MUI's tooltip is a translucent grey: over a light page its white text fell under 4.5:1 (the app bar's
    // "Open menu" tooltip, shown when the focus comes back to the menu button on a phone). Opaque, it is 12:1.
    MuiTooltip: { styleOverrides: { tooltip: { backgroundColor: '#333333', color: '#ffffff' } } },
    // Tab bars (show pages, list tabs) scroll instead of widening the page.
    MuiTabs: { defaultProps: { variant: 'scrollable', scrollButtons: 'auto', allowScrollButtonsMobile: true } },
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
