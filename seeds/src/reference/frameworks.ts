/**
 * The shared reference frameworks of PRODUCT.md §2, top level only (their detailed text is their
 * publishers'), and the crosswalk links between them (explained in docs/frameworks.md).
 */
export interface ReferenceFramework {
  key: string;
  title: string;
  shortName: string;
  source: string;
  /**
   * Stable CASE CFItem identifiers (UUID v5 of the code in the namespace
   * cecbe14b-7f49-539f-ab61-3321e9900a2d), so a district's CASE package can crosswalk to these nodes.
   * Never change one: imported links resolve by it.
   */
  nodes: { code: string; caseIdentifier: string; title: string }[];
}

export const REFERENCE_FRAMEWORKS: ReferenceFramework[] = [
  {
    key: 'portrait-of-a-leader',
    title: 'Portrait of a Leader',
    shortName: 'Portrait',
    source: 'Lead for Learners / KnowledgeWorks',
    nodes: [
      { code: 'POL-HCA', caseIdentifier: '57686975-c9e7-5d25-9199-8d7436b3b8bd', title: 'Human-Centered Approaches' },
      { code: 'POL-TRA', caseIdentifier: '667c003c-7ccd-5639-bd58-4811c45d1157', title: 'Transformation' },
      { code: 'POL-AUT', caseIdentifier: '6dc656fe-421f-5415-94d8-98d224eaa413', title: 'Authenticity' },
      { code: 'POL-COL', caseIdentifier: '9d6ddd5b-2d9b-56e1-897a-5915c2aa2c70', title: 'Collaboration' },
      { code: 'POL-ADV', caseIdentifier: 'f10e1825-012a-51ac-8164-5950dcce5c2e', title: 'Advocacy' },
    ],
  },
  {
    key: 'jff-ccsso-learner-centered',
    title: 'Leadership Competencies for Learner-Centered, Personalized Education',
    shortName: 'JFF/CCSSO',
    source: 'Jobs for the Future and the Council of Chief State School Officers',
    nodes: [
      {
        code: 'LC-1',
        caseIdentifier: 'e3c1d6a8-0ca6-5dc5-8228-398f237c29be',
        title: 'Vision, Values, and Culture for Learner-Centered, Personalized Education',
      },
      {
        code: 'LC-2',
        caseIdentifier: '466f0207-f74c-5e51-a181-3cae88cea6f9',
        title: 'Personal Skills, Mindsets, and Values',
      },
      {
        code: 'LC-3',
        caseIdentifier: '8f647d23-9a50-571a-88ef-22ae456710bf',
        title: 'Capacity Building for Innovation and Continuous Improvement',
      },
      {
        code: 'LC-4',
        caseIdentifier: 'e3e8c4c2-3e54-5f0a-8b33-fcbc674e9358',
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
      {
        code: 'PSEL-1',
        caseIdentifier: '53106081-790a-5236-b6af-964b694d8529',
        title: 'Mission, Vision, and Core Values',
      },
      {
        code: 'PSEL-2',
        caseIdentifier: 'abaea9e1-4fb5-50a3-b5bc-ddf8585de571',
        title: 'Ethics and Professional Norms',
      },
      {
        code: 'PSEL-3',
        caseIdentifier: 'a7a44571-1198-543d-9605-164055581112',
        title: 'Equity and Cultural Responsiveness',
      },
      {
        code: 'PSEL-4',
        caseIdentifier: 'f42c055e-f9f1-5339-9a74-a4f70f785931',
        title: 'Curriculum, Instruction, and Assessment',
      },
      {
        code: 'PSEL-5',
        caseIdentifier: 'd188b67d-f429-50d0-ad48-d61c28da926c',
        title: 'Community of Care and Support for Students',
      },
      {
        code: 'PSEL-6',
        caseIdentifier: '0346de29-f807-557d-8030-37aabf1136a5',
        title: 'Professional Capacity of School Personnel',
      },
      {
        code: 'PSEL-7',
        caseIdentifier: 'feed2be2-7bdd-510d-8368-518315704fff',
        title: 'Professional Community for Teachers and Staff',
      },
      {
        code: 'PSEL-8',
        caseIdentifier: 'd25ce72e-06c9-5595-ac9b-055453860bf4',
        title: 'Meaningful Engagement of Families and Community',
      },
      { code: 'PSEL-9', caseIdentifier: 'ae1cfd7b-19be-5511-87f7-399376b4d0a1', title: 'Operations and Management' },
      { code: 'PSEL-10', caseIdentifier: 'f868ff29-b84a-584a-9277-431a9b197d97', title: 'School Improvement' },
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
