export {
  EQUITY_COUNTS_SELECT,
  EQUITY_FACTS_SELECT,
  FUNNEL_COUNTS_SELECT,
  LATEST_RATINGS_SELECT,
  NOMINATION_COUNTS_SELECT,
  NOMINATION_FACTS_SELECT,
  OPEN_STAYS_SELECT,
  SORT_KEY_FILL,
  SORT_KEY_MISMATCHES,
  STAGE_STAYS_SELECT,
  STAY_DURATIONS_SELECT,
  TARGET_LEVELS_SELECT,
} from '@emerge/migrations';
export * from './app.factory.js';
export * from './auth/permissions.js';
export * from './config/config.js';
export * from './database/data-source.js';
export * from './database/database.js';
export * from './database/embedded-postgres.js';
export * from './database/query-recorder.js';
export * from './database/scratch.js';
export * from './database/startup-error.js';
export * from './diagnostics/explain-gate.js';
export * from './diagnostics/request-catalog.js';
export { migrateJobQueue } from './jobs/job-queue.js';
export { CandidateEntity } from './modules/candidates/candidate.entity.js';
export { measureUtility } from './modules/dashboard/disclosure.js';
export type { MeasuredColumn, Utility } from './modules/dashboard/disclosure.js';
export { EducatorEntity } from './modules/educators/educator.entity.js';
export { LeadershipRoleEntity } from './modules/leadership-roles/leadership-role.entity.js';
export { gapsOf, mentorsWhoFit } from './modules/mentors/mentor-fit.js';
export { NominationEntity } from './modules/nominations/nomination.entity.js';
export { draftActions } from './modules/plans/plan-draft.js';
export type { OpenOpportunity } from './modules/plans/plan-draft.js';
export { rankSlate, toSlateCandidate } from './modules/positions/slate-rank.js';
export { SlateRepository } from './modules/positions/slate.repository.js';
export { ProfileLoader } from './modules/readiness/profile-loader.js';
export { suggestReadiness } from './modules/readiness/readiness-rule.js';
export * from './modules/succession/forecast-model.js';
export { ForecastRepository } from './modules/succession/forecast.repository.js';
export { eligibleYears, forecastOf } from './modules/succession/forecast.service.js';
export * from './server.js';
