export const LEVELS = [
  { id: 'classroom', name: 'Classroom' },
  { id: 'school', name: 'School' },
  { id: 'district', name: 'District' },
];

export const STAGES = [
  { id: 'identified', name: 'Identified' },
  { id: 'engaged', name: 'Engaged' },
  { id: 'developing', name: 'Developing' },
  { id: 'ready', name: 'Ready' },
  { id: 'placed', name: 'Placed' },
  { id: 'supported', name: 'Supported' },
  { id: 'paused', name: 'Paused' },
  { id: 'exited', name: 'Exited' },
];

export const EXIT_REASONS = [
  { id: 'completed', name: 'Completed' },
  { id: 'declined', name: 'Declined' },
  { id: 'withdrew', name: 'Withdrew' },
  { id: 'not_selected', name: 'Not selected' },
  { id: 'left_district', name: 'Left the district' },
  { id: 'other', name: 'Other' },
];

export const READINESS = [
  { id: 'ready_now', name: 'Ready now' },
  { id: 'ready_1_2_years', name: 'Ready in 1–2 years' },
  { id: 'ready_3_plus_years', name: 'Ready in 3+ years' },
  { id: 'not_assessed', name: 'Not assessed' },
];

export const NOMINATION_STATUSES = [
  { id: 'submitted', name: 'Submitted' },
  { id: 'approved', name: 'Approved' },
  { id: 'declined', name: 'Declined' },
  { id: 'withdrawn', name: 'Withdrawn' },
];

export const NOMINATOR_KINDS = [
  { id: 'hr', name: 'HR' },
  { id: 'principal', name: 'Principal' },
  { id: 'peer', name: 'Peer' },
  { id: 'self', name: 'Self' },
];

export const EDUCATOR_STATUSES = [
  { id: 'active', name: 'Active' },
  { id: 'inactive', name: 'Inactive' },
];

export const GENDERS = [
  { id: 'female', name: 'Female' },
  { id: 'male', name: 'Male' },
  { id: 'nonbinary', name: 'Nonbinary' },
  { id: 'prefer_not_to_say', name: 'Prefers not to say' },
];

export const RACE_ETHNICITIES = [
  { id: 'american_indian_alaska_native', name: 'American Indian or Alaska Native' },
  { id: 'asian', name: 'Asian' },
  { id: 'black_african_american', name: 'Black or African American' },
  { id: 'hispanic_latino', name: 'Hispanic or Latino' },
  { id: 'native_hawaiian_pacific_islander', name: 'Native Hawaiian or Pacific Islander' },
  { id: 'white', name: 'White' },
  { id: 'two_or_more', name: 'Two or more' },
  { id: 'prefer_not_to_say', name: 'Prefers not to say' },
];

export const stageName = (id: string | null | undefined) => STAGES.find((s) => s.id === id)?.name ?? id ?? '—';

export const OPPORTUNITY_TYPES = [
  { id: 'residency', name: 'Residency' },
  { id: 'mentorship', name: 'Mentorship' },
  { id: 'shadowing', name: 'Shadowing' },
  { id: 'project', name: 'Project' },
  { id: 'committee', name: 'Committee' },
  { id: 'coursework', name: 'Coursework' },
  { id: 'cohort_session', name: 'Cohort sessions' },
];

export const ASSIGNMENT_STATUSES = [
  { id: 'assigned', name: 'Assigned' },
  { id: 'in_progress', name: 'In progress' },
  { id: 'completed', name: 'Completed' },
  { id: 'withdrawn', name: 'Withdrawn' },
];

export const EVIDENCE_SOURCES = [
  { id: 'observation', name: 'Observation' },
  { id: 'artifact', name: 'Artifact' },
  { id: 'feedback_360', name: '360° feedback' },
  { id: 'self_reflection', name: 'Self-reflection' },
  { id: 'evaluation', name: 'Evaluation' },
];
