/**
 * The shared reference frameworks of PRODUCT.md §2, top level only (their detailed text is their
 * publishers'), and the crosswalk links between them (explained in docs/frameworks.md).
 */
export interface ReferenceFramework {
  key: string;
  title: string;
  shortName: string;
  source: string;
  nodes: { code: string; title: string }[];
}

export const REFERENCE_FRAMEWORKS: ReferenceFramework[] = [
  {
    key: 'portrait-of-a-leader',
    title: 'Portrait of a Leader',
    shortName: 'Portrait',
    source: 'Lead for Learners / KnowledgeWorks',
    nodes: [
      { code: 'POL-HCA', title: 'Human-Centered Approaches' },
      { code: 'POL-TRA', title: 'Transformation' },
      { code: 'POL-AUT', title: 'Authenticity' },
      { code: 'POL-COL', title: 'Collaboration' },
      { code: 'POL-ADV', title: 'Advocacy' },
    ],
  },
  {
    key: 'jff-ccsso-learner-centered',
    title: 'Leadership Competencies for Learner-Centered, Personalized Education',
    shortName: 'JFF/CCSSO',
    source: 'Jobs for the Future and the Council of Chief State School Officers',
    nodes: [
      { code: 'LC-1', title: 'Vision, Values, and Culture for Learner-Centered, Personalized Education' },
      { code: 'LC-2', title: 'Personal Skills, Mindsets, and Values' },
      { code: 'LC-3', title: 'Capacity Building for Innovation and Continuous Improvement' },
      {
        code: 'LC-4',
        title: 'Shared Responsibility and Structures for Continuous Improvement, Innovation, and Assessment',
      },
    ],
  },
  {
    key: 'psel-2015',
    title: 'Professional Standards for Educational Leaders (PSEL 2015)',
    shortName: 'PSEL',
    source: 'National Policy Board for Educational Administration',
    nodes: [
      { code: 'PSEL-1', title: 'Mission, Vision, and Core Values' },
      { code: 'PSEL-2', title: 'Ethics and Professional Norms' },
      { code: 'PSEL-3', title: 'Equity and Cultural Responsiveness' },
      { code: 'PSEL-4', title: 'Curriculum, Instruction, and Assessment' },
      { code: 'PSEL-5', title: 'Community of Care and Support for Students' },
      { code: 'PSEL-6', title: 'Professional Capacity of School Personnel' },
      { code: 'PSEL-7', title: 'Professional Community for Teachers and Staff' },
      { code: 'PSEL-8', title: 'Meaningful Engagement of Families and Community' },
      { code: 'PSEL-9', title: 'Operations and Management' },
      { code: 'PSEL-10', title: 'School Improvement' },
    ],
  },
];

/** [from code, to code]: all `related` — the frameworks cut leadership differently, so no level carries. */
export const REFERENCE_LINKS: [string, string][] = [
  ['POL-HCA', 'LC-1'],
  ['POL-HCA', 'PSEL-5'],
  ['POL-TRA', 'LC-3'],
  ['POL-TRA', 'PSEL-10'],
  ['POL-AUT', 'LC-2'],
  ['POL-AUT', 'PSEL-2'],
  ['POL-COL', 'LC-4'],
  ['POL-COL', 'PSEL-7'],
  ['POL-ADV', 'PSEL-3'],
  ['POL-ADV', 'PSEL-8'],
  ['LC-1', 'PSEL-1'],
  ['LC-2', 'PSEL-2'],
  ['LC-3', 'PSEL-6'],
  ['LC-3', 'PSEL-10'],
  ['LC-4', 'PSEL-4'],
  ['LC-4', 'PSEL-7'],
];
