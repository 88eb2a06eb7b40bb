import { lazy } from 'react';

// recharts stays out of the first screen's bundle: every dashboard chart is this one lazy chunk.
export const BarsChart = lazy(() => import('./Charts'));

/** Colors that keep 3:1 contrast against white (WCAG 1.4.11) and stay apart for common color blindness. */
export const COLORS = {
  blue: '#1f5fa8',
  orange: '#b35900',
  green: '#2e7d32',
  purple: '#6a1b9a',
  grey: '#757575',
  teal: '#00796b',
};
