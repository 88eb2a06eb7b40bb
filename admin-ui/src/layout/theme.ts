import { defaultTheme } from 'react-admin';

// A deep green primary keeps text and buttons above the WCAG AA 4.5:1 contrast ratio on white.
export const theme = {
  ...defaultTheme,
  palette: {
    primary: { main: '#1b5e20', contrastText: '#ffffff' },
    secondary: { main: '#0d47a1', contrastText: '#ffffff' },
    background: { default: '#f7f8f7' },
  },
  sidebar: { width: 220, closedWidth: 55 },
};
