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
      ['D', 'X.1', 0, 'a'],
      ['B', 'X.2', 1, 'a'],
      ['C', 'X.3', 2, 'a'],
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

  it('uses the default rubric without CFRubrics, accepts a {CFPackage} wrapper and keeps other association types', () => {
    const { plan } = readCasePackage({
      CFPackage: {
        CFDocument: doc,
        CFItems: [item('A'), item('B')],
        CFAssociations: [
          child('A', 'doc'),
          child('B', 'doc'),
          {
            identifier: 'p',
            associationType: 'precedes',
            originNodeURI: { identifier: 'A' },
            destinationNodeURI: { identifier: 'B', uri: 'https://example.org/B', title: 'B' },
          },
        ],
      },
    });
    expect(plan!.rubric.map((r) => r.label)).toEqual(['Emerging', 'Developing', 'Proficient', 'Exemplary']);
    expect(plan!.associations).toEqual([
      {
        type: 'precedes',
        identifier: 'p',
        path: 'CFAssociations[2]',
        node: 'a',
        nodeEnd: 'origin',
        other: { identifier: 'B', uri: 'https://example.org/B', title: 'B' },
        internal: true,
        sequence: null,
      },
    ]);
    expect(plan!.ignoredAssociations).toBe(0);
  });

  it('keeps links whose other end is outside the package, whatever that end is (another document, a urn)', () => {
    const { plan, errors } = readCasePackage({
      CFDocument: doc,
      CFItems: [item('A'), item('B')],
      CFAssociations: [
        child('A', 'doc'),
        child('B', 'doc'),
        {
          identifier: 'x',
          associationType: 'exactMatchOf',
          originNodeURI: { identifier: 'A' },
          destinationNodeURI: { identifier: 'REF', uri: 'https://frameworks.example/REF', title: 'Elsewhere' },
        },
        {
          identifier: 'y',
          associationType: 'isRelatedTo',
          originNodeURI: { identifier: 'urn:example:skill:42' },
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
    expect(errors).toEqual({});
    expect(plan!.links.map((l) => [l.from, l.to, l.kind, l.external])).toEqual([
      ['a', 'ref', 'exact', 'destinationNodeURI'],
      ['urn:example:skill:42', 'b', 'related', 'originNodeURI'],
      ['a', 'b', 'related', null],
    ]);
    expect(plan!.associations.map((a) => [a.node, a.nodeEnd, a.type, a.other, a.internal])).toEqual([
      [
        'a',
        'origin',
        'exactMatchOf',
        { identifier: 'REF', uri: 'https://frameworks.example/REF', title: 'Elsewhere' },
        false,
      ],
      ['b', 'destination', 'isRelatedTo', { identifier: 'urn:example:skill:42', uri: null, title: null }, false],
    ]);
  });

  it('accepts what CASE allows: repeated codes, items outside the tree, repeats and mirrors, identifiers in any case', () => {
    const { plan, errors } = readCasePackage({
      CFDocument: doc,
      CFItems: [
        item('AAAA', { humanCodingScheme: '1' }),
        item('bbbb', { humanCodingScheme: '1' }),
        item('cccc'),
        item('dddd', { humanCodingScheme: 'D' }),
      ],
      CFAssociations: [
        child('aaaa', 'DOC'),
        child('BBBB', 'doc'),
        child('bbbb', 'doc'), // the same placement twice
        {
          identifier: 'r1',
          associationType: 'isRelatedTo',
          originNodeURI: { identifier: 'aaaa' },
          destinationNodeURI: { identifier: 'bbbb' },
        },
        {
          identifier: 'r2',
          associationType: 'isRelatedTo',
          originNodeURI: { identifier: 'BBBB' },
          destinationNodeURI: { identifier: 'AAAA' },
        },
        {
          identifier: 'r3',
          associationType: 'exactMatchOf',
          originNodeURI: { identifier: 'aaaa' },
          destinationNodeURI: { identifier: 'bbbb' },
        },
        {
          identifier: 's',
          associationType: 'isRelatedTo',
          originNodeURI: { identifier: 'cccc' },
          destinationNodeURI: { identifier: 'CCCC' },
        },
      ],
    });
    expect(errors).toEqual({});
    expect(plan!.nodes.map((x) => [x.identifier, x.code, x.parent, x.position])).toEqual([
      ['AAAA', '1', null, 0],
      ['bbbb', '1', null, 1],
      ['cccc', '3', null, 2],
      ['dddd', 'D', null, 3],
    ]);
    // The mirrored isRelatedTo and the exactMatchOf of the same pair are one link, the stronger claim.
    expect(plan!.links.map((l) => [l.from, l.to, l.kind])).toEqual([['aaaa', 'bbbb', 'exact']]);
    expect(plan!.notices.map((n) => [n.kind, n.count, n.examples])).toEqual([
      ['repeated association', 3, ['CFAssociations[2]', 'CFAssociations[4]', 'CFAssociations[5]']],
      ['self link', 1, ['CFAssociations[6]']],
      ['outside the tree', 2, ['cccc (CFItems[2])', 'dddd (CFItems[3])']],
    ]);
    expect(plan!.ignoredAssociations).toBe(4);
  });

  it('keeps an item placed twice under the parent with the lowest sequenceNumber, the other placement as a link', () => {
    const { plan, errors } = readCasePackage({
      CFDocument: doc,
      CFItems: [item('P'), item('Q'), item('X')],
      CFAssociations: [child('P', 'doc', 1), child('Q', 'doc', 2), child('X', 'Q', 1), child('X', 'P', 5)],
    });
    expect(errors).toEqual({});
    expect(plan!.nodes.find((x) => x.identifier === 'X')!.parent).toBe('q');
    expect(plan!.associations).toEqual([
      expect.objectContaining({
        type: 'isChildOf',
        node: 'x',
        nodeEnd: 'origin',
        other: { identifier: 'P', uri: null, title: null },
        internal: true,
        sequence: 5,
      }),
    ]);
    expect(plan!.notices).toEqual([expect.objectContaining({ kind: 'second placement', count: 1 })]);
  });

  it('keeps what the package says: item type, education levels, list enumeration, language, licence, the records', () => {
    const cfItem = item('A', {
      CFItemType: 'Claim',
      educationLevel: ['09', '10'],
      listEnumeration: 'a',
      language: 'en',
      humanCodingScheme: 'C1',
      notes: '**Bold** claim',
    });
    const { plan, errors } = readCasePackage({
      CFDocument: {
        ...doc,
        licenseURI: { identifier: 'LIC', title: 'CC BY 4.0', uri: 'https://example.org/licenses/LIC' },
        lastChangeDateTime: '2024-02-03T04:05:06+00:00',
        CFPackageURI: { identifier: 'doc', uri: 'https://case.example/ims/case/v1p0/CFPackages/doc' },
      },
      CFItems: [cfItem],
      CFAssociations: [child('A', 'doc')],
      CFDefinitions: {
        CFLicenses: [{ identifier: 'lic', title: 'Creative Commons Attribution 4.0', licenseText: 'You may share…' }],
      },
    });
    expect(errors).toEqual({});
    expect(plan!.nodes[0]).toEqual(
      expect.objectContaining({
        kind: 'domain',
        itemType: 'Claim',
        educationLevels: ['09', '10'],
        listEnumeration: 'a',
        language: 'en',
        caseItem: cfItem,
      }),
    );
    expect(plan!.document).toEqual(
      expect.objectContaining({
        license: {
          title: 'CC BY 4.0',
          uri: 'https://example.org/licenses/LIC',
          identifier: 'LIC',
          text: 'You may share…',
        },
        sourceUri: 'https://case.example/ims/case/v1p0/CFPackages/doc',
        sourceChangedAt: '2024-02-03T04:05:06+00:00',
      }),
    );
  });

  it('falls back to "Level n" for a rubric level name longer than 100 characters', () => {
    const { plan, errors } = readCasePackage({
      CFDocument: doc,
      CFItems: [item('A')],
      CFAssociations: [child('A', 'doc')],
      CFRubrics: levels([
        { quality: 'q'.repeat(150), score: 1 },
        { quality: 'High', score: 2 },
      ]),
    });
    expect(errors).toEqual({});
    expect(plan!.rubric).toEqual([
      { level: 1, label: 'Level 1' },
      { level: 2, label: 'High' },
    ]);
  });

  it('names each problem, counts them by kind, and lists at most 200', () => {
    const many = Array.from({ length: 250 }, (_, i) => ({ identifier: `i${i}` })); // no fullStatement
    const { plan, errors, problemKinds } = readCasePackage({
      CFDocument: doc,
      CFItems: [item('A'), ...many],
      CFAssociations: [child('A', 'doc'), { identifier: 'b', associationType: 'isChildOf', originNodeURI: 'A' }],
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
    expect(problemKinds.map((k) => [k.kind, k.count, k.paths.length])).toEqual([
      ['missing field', 252, 200],
      // Counted, though past the listed 200.
      ['rubric', 1, 0],
    ]);
    expect(Object.keys(errors)).toHaveLength(201);
    expect(errors['CFItems[1].fullStatement']).toBe('is required');
    // Counted above, but past the first 200.
    expect(errors['CFAssociations[1].originNodeURI']).toBeUndefined();
    expect(errors['(more)']).toBe('53 more problem(s) not listed');
  });

  it('names every NUL character (PostgreSQL cannot store one) and ignores a sequenceNumber that is not whole', () => {
    const { errors } = readCasePackage({
      CFDocument: doc,
      CFItems: [item('A', { fullStatement: 'Bad\u0000', conceptKeywords: ['ok', 'no\u0000'] }), item('B')],
      CFAssociations: [
        child('A', 'doc'),
        child('B', 'doc', 1.5),
        {
          identifier: 'x',
          associationType: 'isRelatedTo',
          originNodeURI: { identifier: 'A' },
          destinationNodeURI: { identifier: 'elsewhere', title: 'T\u0000' },
        },
      ],
    });
    expect(errors).toEqual({
      'CFItems[0].fullStatement': 'must not contain NUL characters',
      'CFItems[0].conceptKeywords[1]': 'must not contain NUL characters',
      'CFAssociations[2].destinationNodeURI.title': 'must not contain NUL characters',
    });
    const { plan } = readCasePackage({
      CFDocument: doc,
      CFItems: [item('A'), item('B')],
      CFAssociations: [child('A', 'doc', 2), child('B', 'doc', 1.5)],
    });
    expect(plan!.nodes.map((x) => x.identifier)).toEqual(['A', 'B']);
    expect(plan!.notices).toEqual([expect.objectContaining({ kind: 'sequence not a number', count: 1 })]);
  });

  it('reports a cycle, a self-parent as a self link, and wrong types as such', () => {
    const { errors } = readCasePackage({
      CFDocument: { ...doc, title: 42 },
      CFItems: [item('A'), 'nonsense', item('B'), item('C')],
      CFAssociations: [child('A', 'A'), child('B', 'C'), child('C', 'B')],
    });
    expect(errors).toEqual({
      'CFDocument.title': 'must be a string',
      'CFItems[1]': 'must be an object',
      'CFItems[2]': 'is in an isChildOf cycle: B → C → B',
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
