export const ACTIVE_STAGES = ['identified', 'engaged', 'developing', 'ready', 'placed', 'supported'] as const;
export const STAGES = [...ACTIVE_STAGES, 'paused', 'exited'] as const;
export type ActiveStage = (typeof ACTIVE_STAGES)[number];
export type Stage = (typeof STAGES)[number];
export const EXIT_REASONS = ['completed', 'declined', 'withdrew', 'not_selected', 'left_district', 'other'] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];
export const READINESS_BANDS = ['ready_now', 'ready_1_2_years', 'ready_3_plus_years', 'not_assessed'] as const;
export type ReadinessBand = (typeof READINESS_BANDS)[number];
