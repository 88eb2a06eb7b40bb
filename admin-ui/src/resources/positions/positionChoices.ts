export const POSITION_STATUSES = [
  { id: 'filled', name: 'Filled' },
  { id: 'vacant', name: 'Vacant' },
];

/** The opening windows of the bench metric (PRODUCT.md §4). */
export const OPENING_WINDOWS = [
  { id: 12, name: 'Within 12 months' },
  { id: 24, name: 'Within 24 months' },
  { id: 36, name: 'Within 36 months' },
];
