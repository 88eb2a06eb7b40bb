import { describe, expect, it } from '@jest/globals';
import { readCasePackage, shortNameOf } from './case-package.js';

const doc = { identifier: 'doc', title: 'Test Leadership Standards', creator: 'Test District' };
const item = (identifier: string, extra: Record<string, unknown> = {}) => ({
  identifier,
  fullStatement: `Statement ${identifier}`,
  ...extra,
});
let n = 0;
const child = (origin: string, destination: string, sequenceNumber?: number) => ({
  identifier: `a${++n}`,
  associationType: 'isChildOf',
  originNodeURI: { identifier: origin },
  destinationNodeURI: { identifier: destination },
  ...(sequenceNumber === undefined ? {} : { sequenceNumber }),
});
const levels = (list: Record<string, unknown>[]) => [
  { identifier: 'r', CFRubricCriteria: [{ identifier: 'c', CFRubricCriterionLevels: list }] },
];

describe('readCasePackage', () => {
  it('derives kinds from depth unless CFItemType names one, never shallower than the parent', () => {
    const { plan, errors } = readCasePackage({
      CFDocument: doc,
      CFItems: [
        item('A'),
        item('B'),
        item('C'),
        item('D', { CFItemType: 'Domain' }),
        item('E', { CFItemType: 'indicator' }),
        item('F'),
      ],
      CFAssociations: [
        child('A', 'doc'),
        child('B', 'A'),
        child('C', 'B'),
        child('D', 'C'), // "Domain" under an indicator stays an indicator
        child('E', 'doc'), // a root named Indicator is one
        child('F', 'E'),
      ],
    });
    expect(errors).toEqual({});
    expect(Object.fromEntries(plan!.nodes.map((x) => [x.identifier, x.kind]))).toEqual({
      A: 'domain',
      B: 'competency',
      C: 'indicator',
      D: 'indicator',
      E: 'indicator',
      F: 'indicator',
    });
  });

  it('orders siblings by sequenceNumber, then by association order, and derives missing codes from the parent', () => {
    const { plan } = readCasePackage({
      CFDocument: doc,
      CFItems: [item('A', { humanCodingScheme: 'X' }), item('B'), item('C'), item('D'), item('E')],
      CFAssociations: [child('A', 'doc'), child('E', 'doc'), child('B', 'A', 2), child('C', 'A'), child('D', 'A', 1)],
    });
    expect(plan!.nodes.map((x) => [x.identifier, x.code, x.position, x.parent])).toEqual([
      ['A', 'X', 0, null],
      ['D', 'X.1', 0, 'A'],
      ['B', 'X.2', 1, 'A'],
      ['C', 'X.3', 2, 'A'],
      ['E', '2', 1, null],
    ]);
  });

  it('keeps a statement longer than a title in the description', () => {
    const long = 'w'.repeat(450);
    const { plan } = readCasePackage({
      CFDocument: doc,
      CFItems: [item('A', { fullStatement: long, abbreviatedStatement: 'Short', notes: 'A note' })],
      CFAssociations: [child('A', 'doc')],
    });
    expect(plan!.nodes[0]).toEqual(expect.objectContaining({ title: 'Short', description: `${long}\n\nA note` }));
  });

  it('orders rubric levels by score (higher is better), whatever their position', () => {
    const { plan } = readCasePackage({
      CFDocument: doc,
      CFItems: [item('A')],
      CFAssociations: [child('A', 'doc')],
      CFRubrics: levels([
        { quality: 'Top', score: 3, position: 1 },
        { title: 'Low', score: 1, position: 3 },
        { quality: 'Mid', score: 2, position: 2 },
      ]),
    });
    expect(plan!.rubric).toEqual([
      { level: 1, label: 'Low' },
      { level: 2, label: 'Mid' },
      { level: 3, label: 'Top' },
    ]);
  });

  it('uses the default rubric without CFRubrics, accepts a {CFPackage} wrapper and counts ignored association types', () => {
    const { plan } = readCasePackage({
      CFPackage: {
        CFDocument: doc,
        CFItems: [item('A'), item('B')],
        CFAssociations: [
          child('A', 'doc'),
          child('B', 'doc'),
          { identifier: 'p', associationType: 'precedes', originNodeURI: {}, destinationNodeURI: {} },
        ],
      },
    });
    expect(plan!.rubric.map((r) => r.label)).toEqual(['Emerging', 'Developing', 'Proficient', 'Exemplary']);
    expect(plan!.ignoredAssociations).toBe(1);
  });

  it('plans links with the end that lies outside the package', () => {
    const { plan } = readCasePackage({
      CFDocument: doc,
      CFItems: [item('A'), item('B')],
      CFAssociations: [
        child('A', 'doc'),
        child('B', 'doc'),
        {
          identifier: 'x',
          associationType: 'exactMatchOf',
          originNodeURI: { identifier: 'A' },
          destinationNodeURI: { identifier: 'REF' },
        },
        {
          identifier: 'y',
          associationType: 'isRelatedTo',
          originNodeURI: { identifier: 'REF2' },
          destinationNodeURI: { identifier: 'B' },
        },
        {
          identifier: 'z',
          associationType: 'isRelatedTo',
          originNodeURI: { identifier: 'A' },
          destinationNodeURI: { identifier: 'B' },
        },
      ],
    });
    expect(plan!.links.map((l) => [l.from, l.to, l.kind, l.external])).toEqual([
      ['A', 'REF', 'exact', 'destinationNodeURI'],
      ['REF2', 'B', 'related', 'originNodeURI'],
      ['A', 'B', 'related', null],
    ]);
  });

  it('names each problem: duplicate link pairs, self links, clashing derived codes, rubric scales that differ', () => {
    const { plan, errors } = readCasePackage({
      CFDocument: doc,
      CFItems: [item('A', { humanCodingScheme: '2' }), item('B')],
      CFAssociations: [
        child('A', 'doc'),
        child('B', 'doc'),
        {
          identifier: 'x',
          associationType: 'exactMatchOf',
          originNodeURI: { identifier: 'A' },
          destinationNodeURI: { identifier: 'B' },
        },
        {
          identifier: 'y',
          associationType: 'isRelatedTo',
          originNodeURI: { identifier: 'B' },
          destinationNodeURI: { identifier: 'A' },
        },
        {
          identifier: 'z',
          associationType: 'isRelatedTo',
          originNodeURI: { identifier: 'A' },
          destinationNodeURI: { identifier: 'A' },
        },
      ],
      CFRubrics: [
        {
          CFRubricCriteria: [
            { CFRubricCriterionLevels: [{ score: 1 }, { score: 2 }, { score: 3 }] },
            { CFRubricCriterionLevels: [{ score: 1 }, { score: 2 }] },
          ],
        },
      ],
    });
    expect(plan).toBeUndefined();
    expect(errors).toEqual({
      'CFAssociations[3]': 'links the same two nodes as CFAssociations[2]',
      'CFAssociations[4]': 'links A to itself',
      'CFItems[1].humanCodingScheme':
        'is missing and the derived code 2 is also the code of CFItems[0]; codes are unique in a framework',
      'CFRubrics[0].CFRubricCriteria[1].CFRubricCriterionLevels':
        'has 2 levels but CFRubrics[0].CFRubricCriteria[0] has 3: a framework has one rubric, so every criterion must use the same scale',
    });
  });

  it('reports a self-parent as a cycle and wrong types as such', () => {
    const { errors } = readCasePackage({
      CFDocument: { ...doc, title: 42 },
      CFItems: [item('A'), 'nonsense'],
      CFAssociations: [child('A', 'A')],
    });
    expect(errors).toEqual({
      'CFDocument.title': 'must be a string',
      'CFItems[1]': 'must be an object',
      'CFItems[0]': 'is in an isChildOf cycle: A → A',
    });
  });
});

describe('shortNameOf', () => {
  it('takes the initials of capitalised words, else of all words, else the title itself', () => {
    expect(shortNameOf('Harbor Point Leadership Standards')).toBe('HPLS');
    expect(shortNameOf('Standards for leaders of learning')).toBe('SFLOL');
    expect(shortNameOf('Leadership')).toBe('Leadership');
    expect(shortNameOf('PSEL 2015')).toBe('P2');
  });
});
