export interface RubricLevel {
  level: number;
  label: string;
}

export interface Framework {
  id: string;
  districtId: string | null;
  reference: boolean;
  key: string;
  title: string;
  shortName: string;
  source: string;
  description: string;
  rubric: RubricLevel[];
  nodeCount: number;
  /** Usage terms of an imported framework. */
  license: { title: string; uri: string | null; identifier: string | null; text: string | null } | null;
  sourceUri: string | null;
  sourceChangedAt: string | null;
  itemTypes: { itemType: string | null; count: number }[];
  externalLinkCount: number;
  version: number;
}

export type NodeKind = 'domain' | 'competency' | 'indicator';

export interface FrameworkNode {
  id: string;
  frameworkId: string;
  frameworkShortName: string;
  parentId: string | null;
  kind: NodeKind;
  code: string;
  title: string;
  description: string;
  position: number;
  caseIdentifier: string | null;
  /** The publisher's item type (Claim, Target, Standard, …). */
  itemType: string | null;
  reference: boolean;
  version: number;
}

export interface CrosswalkLink {
  id: string;
  districtId: string | null;
  shipped: boolean;
  kind: 'exact' | 'related';
  fromId: string;
  fromCode: string;
  fromTitle: string;
  fromFrameworkId: string;
  fromFrameworkShortName: string;
  toId: string;
  toCode: string;
  toTitle: string;
  toFrameworkId: string;
  toFrameworkShortName: string;
}

export const NODE_KINDS = [
  { id: 'domain', name: 'Domain' },
  { id: 'competency', name: 'Competency' },
  { id: 'indicator', name: 'Indicator' },
];

export const LINK_KINDS = [
  { id: 'exact', name: 'Exact (a rating carries across, rescaled)' },
  { id: 'related', name: 'Related (shown only)' },
];

/** An association an imported framework keeps as published, with the node it belongs to. */
export interface KeptAssociation {
  id: string;
  associationType: string;
  nodeEnd: 'origin' | 'destination';
  otherIdentifier: string;
  otherUri: string | null;
  otherTitle: string | null;
  external: boolean;
  otherNodeId: string | null;
  otherNodeCode: string | null;
  otherFrameworkId: string | null;
  otherFrameworkShortName: string | null;
  competencyId: string;
  competencyCode: string;
  competencyTitle: string;
}
