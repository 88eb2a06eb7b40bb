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
