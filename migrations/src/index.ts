import { InitialSchema1795691815524 } from './1795691815524-InitialSchema.js';
import { AddPeopleAndPipeline1795693298503 } from './1795693298503-AddPeopleAndPipeline.js';
import { AddCompetencyFrameworks1795695971649 } from './1795695971649-AddCompetencyFrameworks.js';
import { AddEvidence1795696724013 } from './1795696724013-AddEvidence.js';
import { AddDevelopmentAndPositions1795700120614 } from './1795700120614-AddDevelopmentAndPositions.js';
import { AddAuditLog1795701590083 } from './1795701590083-AddAuditLog.js';
import { AddIdempotencyKeys1795702218117 } from './1795702218117-AddIdempotencyKeys.js';
import { AddQueryIndexes1795715906798 } from './1795715906798-AddQueryIndexes.js';
import { FasterAuditCapture1795730000000 } from './1795730000000-FasterAuditCapture.js';
import { AddLatestRatings1795740000000 } from './1795740000000-AddLatestRatings.js';
import { AddStageStays1795740000001 } from './1795740000001-AddStageStays.js';
import { AddDisclosureKeys1795750000000 } from './1795750000000-AddDisclosureKeys.js';
import { AddOpportunityInterests1795760000000 } from './1795760000000-AddOpportunityInterests.js';
import { AddCompetencyVersions1795770000000 } from './1795770000000-AddCompetencyVersions.js';
import { AddLoginRateLimits1795780000000 } from './1795780000000-AddLoginRateLimits.js';
import { CaseAsPublished1795790000000 } from './1795790000000-CaseAsPublished.js';
import { AddSingleSignOn1796530727204 } from './1796530727204-AddSingleSignOn.js';
import { AddNotifications1796600000000 } from './1796600000000-AddNotifications.js';
import { AddEmail1796700000000 } from './1796700000000-AddEmail.js';
import { AddReminderSettings1796700000001 } from './1796700000001-AddReminderSettings.js';
import { AddJobWorkers1796700000002 } from './1796700000002-AddJobWorkers.js';
import { AddTrigramSearch1796800000000 } from './1796800000000-AddTrigramSearch.js';
import { AddSortKeys1796800000001 } from './1796800000001-AddSortKeys.js';
import { AddStayDurations1796900000000 } from './1796900000000-AddStayDurations.js';
import { AddFunnelCounts1796900000001 } from './1796900000001-AddFunnelCounts.js';
import { AddEquityCounts1796900000002 } from './1796900000002-AddEquityCounts.js';
import { AddNominationCounts1797000000000 } from './1797000000000-AddNominationCounts.js';
import { AddSuccessionForecast1797100000000 } from './1797100000000-AddSuccessionForecast.js';
import { AddSlatesAndCareerProfiles1797200000000 } from './1797200000000-AddSlatesAndCareerProfiles.js';
import { AddEvidenceCreatedIndex1797200000001 } from './1797200000001-AddEvidenceCreatedIndex.js';
import { AddTalentReviewSessions1797300000000 } from './1797300000000-AddTalentReviewSessions.js';
import { AddCareerInterests1797300000001 } from './1797300000001-AddCareerInterests.js';
import { AddTargetLevels1797400000000 } from './1797400000000-AddTargetLevels.js';
import { AddCredentials1797500000000 } from './1797500000000-AddCredentials.js';
import { AddDevelopmentPlans1797500000001 } from './1797500000001-AddDevelopmentPlans.js';
import { AddMentors1797600000000 } from './1797600000000-AddMentors.js';
import { AddReflections1797600000001 } from './1797600000001-AddReflections.js';
import { AddHoursTargets1797600000002 } from './1797600000002-AddHoursTargets.js';

// The ordered list of migrations. `npm run db:migration:generate -- Name` rewrites it.
export const migrations: (new () => object)[] = [
  InitialSchema1795691815524,
  AddPeopleAndPipeline1795693298503,
  AddCompetencyFrameworks1795695971649,
  AddEvidence1795696724013,
  AddDevelopmentAndPositions1795700120614,
  AddAuditLog1795701590083,
  AddIdempotencyKeys1795702218117,
  AddQueryIndexes1795715906798,
  FasterAuditCapture1795730000000,
  AddLatestRatings1795740000000,
  AddStageStays1795740000001,
  AddDisclosureKeys1795750000000,
  AddOpportunityInterests1795760000000,
  AddCompetencyVersions1795770000000,
  AddLoginRateLimits1795780000000,
  CaseAsPublished1795790000000,
  AddSingleSignOn1796530727204,
  AddNotifications1796600000000,
  AddEmail1796700000000,
  AddReminderSettings1796700000001,
  AddJobWorkers1796700000002,
  AddTrigramSearch1796800000000,
  AddSortKeys1796800000001,
  AddStayDurations1796900000000,
  AddFunnelCounts1796900000001,
  AddEquityCounts1796900000002,
  AddNominationCounts1797000000000,
  AddSuccessionForecast1797100000000,
  AddSlatesAndCareerProfiles1797200000000,
  AddEvidenceCreatedIndex1797200000001,
  AddTalentReviewSessions1797300000000,
  AddCareerInterests1797300000001,
  AddTargetLevels1797400000000,
  AddCredentials1797500000000,
  AddDevelopmentPlans1797500000001,
  AddMentors1797600000000,
  AddReflections1797600000001,
  AddHoursTargets1797600000002,
];

export { LATEST_RATINGS_SELECT } from './1795740000000-AddLatestRatings.js';
export { STAGE_STAYS_SELECT } from './1795740000001-AddStageStays.js';
export { EDUCATOR_DOCUMENT, USER_DOCUMENT } from './1796800000000-AddTrigramSearch.js';
export { SORT_KEY_DEFINITIONS, SORT_KEY_FILL, SORT_KEY_MISMATCHES } from './1796800000001-AddSortKeys.js';
export { OPEN_STAYS_SELECT, STAY_DURATIONS_SELECT } from './1796900000000-AddStayDurations.js';
export { FUNNEL_COUNTS_SELECT } from './1796900000001-AddFunnelCounts.js';
export { EQUITY_COUNTS_SELECT, EQUITY_FACTS_SELECT } from './1796900000002-AddEquityCounts.js';
export { NOMINATION_COUNTS_SELECT, NOMINATION_FACTS_SELECT, OFFICE_KEY } from './1797000000000-AddNominationCounts.js';
export { TARGET_LEVELS_SELECT } from './1797400000000-AddTargetLevels.js';
export { DAYS_SQL, ELIGIBLE_SQL, SCHOOL_YEAR_SQL } from './kept-sql.js';
