export const SESSION_STATUSES = [
  { id: 'open', name: 'Open' },
  { id: 'closed', name: 'Closed' },
];

export const STRENGTHS = [
  { id: 'strong', name: 'Strong evidence' },
  { id: 'moderate', name: 'Moderate evidence' },
  { id: 'limited', name: 'Limited evidence' },
];

/** Stage moves a session may decide (the API checks them against the stage rules). */
export const STAGE_MOVES = [
  { id: 'developing', name: 'Move to developing' },
  { id: 'ready', name: 'Move to ready' },
  { id: 'paused', name: 'Pause' },
];
