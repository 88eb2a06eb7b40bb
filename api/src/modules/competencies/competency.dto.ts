import { ApiProperty } from '@nestjs/swagger';
import type { ListSpec } from '../../common/pagination/list-query.js';
import { plainSearch } from '../../common/pagination/search.js';
import type { LinkKind, NodeKind } from './competency.entity.js';
import { LINK_KINDS, NODE_KINDS } from './competency.entity.js';

export const FRAMEWORK_LIST: ListSpec = {
  resource: 'competency-frameworks',
  idColumn: 'f.id',
  sort: { title: 'f.title', shortName: 'f.short_name', createdAt: 'f.created_at' },
  defaultSort: ['title', 'ASC'],
  filters: { reference: { column: 'f.id', type: 'boolean', where: (p) => `(f.district_id IS NULL) = ANY(:${p})` } },
  search: plainSearch('f.title', 'f.short_name'),
};

export const COMPETENCY_LIST: ListSpec = {
  resource: 'competencies',
  idColumn: 'c.id',
  sort: { position: 'c.position', code: 'c.code', title: 'c.title', kind: 'c.kind' },
  defaultSort: ['position', 'ASC'],
  filters: {
    frameworkId: { column: 'c.framework_id', type: 'uuid' },
    parentId: { column: 'c.parent_id', type: 'uuid' },
    kind: { column: 'c.kind', type: 'string', values: NODE_KINDS },
    root: { column: 'c.id', type: 'boolean', where: (p) => `(c.parent_id IS NULL) = ANY(:${p})` },
  },
  search: plainSearch('c.code', 'c.title'),
};

export const CASE_ASSOCIATION_LIST: ListSpec = {
  resource: 'case-associations',
  idColumn: 'a.id',
  sort: { code: 'c.code', associationType: 'a.association_type', otherTitle: 'a.other_title' },
  defaultSort: ['code', 'ASC'],
  filters: {
    /** true: only links whose other end is outside Emerge (no node the district has). */
    external: { column: 'a.id', type: 'boolean', where: (p) => `(o.id IS NULL) = ANY(:${p})` },
    associationType: { column: 'a.association_type', type: 'string' },
    competencyId: { column: 'a.competency_id', type: 'uuid' },
  },
  search: plainSearch('c.code', 'c.title', 'a.other_title', 'a.other_identifier'),
};

export class RubricLevelDto {
  @ApiProperty() level!: number;
  @ApiProperty() label!: string;
}

export class FrameworkLicenseDto {
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) uri!: string | null;
  @ApiProperty({ nullable: true, type: String }) identifier!: string | null;
  /** The licence's text, when the package carried it. */
  @ApiProperty({ nullable: true, type: String }) text!: string | null;
}

export class ItemTypeCountDto {
  /** The publisher's CFItemType; null for nodes without one. */
  @ApiProperty({ nullable: true, type: String }) itemType!: string | null;
  @ApiProperty() count!: number;
}

export class FrameworkResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  /** Null for a shared reference framework. */
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) districtId!: string | null;
  @ApiProperty() reference!: boolean;
  @ApiProperty() key!: string;
  @ApiProperty() title!: string;
  @ApiProperty() shortName!: string;
  @ApiProperty() source!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [RubricLevelDto] }) rubric!: RubricLevelDto[];
  @ApiProperty() nodeCount!: number;
  /** Usage terms of an imported framework (CASE licenseURI); null when the package names none. */
  @ApiProperty({ type: FrameworkLicenseDto, nullable: true }) license!: FrameworkLicenseDto | null;
  /** Where the imported package came from. */
  @ApiProperty({ nullable: true, type: String }) sourceUri!: string | null;
  /** The package's lastChangeDateTime as its publisher wrote it. */
  @ApiProperty({ nullable: true, type: String }) sourceChangedAt!: string | null;
  /** How many nodes carry each publisher item type (Claim, Target, …), most common first. */
  @ApiProperty({ type: [ItemTypeCountDto] }) itemTypes!: ItemTypeCountDto[];
  /** Links of this framework whose other end is not a node of any framework the district has. */
  @ApiProperty() externalLinkCount!: number;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class CrosswalkDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: LINK_KINDS, enumName: 'CrosswalkKind' }) kind!: LinkKind;
  /** The node at the other end of the link. */
  @ApiProperty({ format: 'uuid' }) nodeId!: string;
  @ApiProperty() nodeCode!: string;
  @ApiProperty() nodeTitle!: string;
  @ApiProperty({ format: 'uuid' }) frameworkId!: string;
  @ApiProperty() frameworkShortName!: string;
  /** A link shipped between reference frameworks (read-only), rather than one of the district's. */
  @ApiProperty() shipped!: boolean;
}

export class CompetencyResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) frameworkId!: string;
  @ApiProperty() frameworkShortName!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) parentId!: string | null;
  @ApiProperty({ enum: NODE_KINDS, enumName: 'CompetencyKind' }) kind!: NodeKind;
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty() position!: number;
  /** The CASE CFItem identifier, when the node came from a CASE package or is a reference node. */
  @ApiProperty({ nullable: true, type: String }) caseIdentifier!: string | null;
  /** The publisher's CFItemType (Claim, Target, Standard, …); `kind` is Emerge's reading of it. */
  @ApiProperty({ nullable: true, type: String }) itemType!: string | null;
  @ApiProperty({ type: [String] }) educationLevels!: string[];
  @ApiProperty({ nullable: true, type: String }) listEnumeration!: string | null;
  @ApiProperty({ nullable: true, type: String }) language!: string | null;
  /** True for a node of a shared reference framework (read-only). */
  @ApiProperty() reference!: boolean;
  /** The node's own version (send it back on PUT); edits of other nodes or of the framework do not change it. */
  @ApiProperty() version!: number;
  /** On the single-record read: the node's crosswalk links, in both directions. */
  @ApiProperty({ type: [CrosswalkDto], required: false }) crosswalk?: CrosswalkDto[];
  /** On the single-record read: the CASE associations kept as published (external links among them). */
  @ApiProperty({ type: () => [CaseAssociationDto], required: false }) caseAssociations?: CaseAssociationDto[];
}

export class CaseAssociationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  /** The CASE association type as published (isChildOf, isPartOf, precedes, exactMatchOf, …). */
  @ApiProperty() associationType!: string;
  /** Whether this node is the association's origin or its destination. */
  @ApiProperty({ enum: ['origin', 'destination'] }) nodeEnd!: 'origin' | 'destination';
  @ApiProperty() otherIdentifier!: string;
  @ApiProperty({ nullable: true, type: String }) otherUri!: string | null;
  @ApiProperty({ nullable: true, type: String }) otherTitle!: string | null;
  /** True while the other end is not a node of a framework the district has (shown as an external link). */
  @ApiProperty() external!: boolean;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) otherNodeId!: string | null;
  @ApiProperty({ nullable: true, type: String }) otherNodeCode!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) otherFrameworkId!: string | null;
  @ApiProperty({ nullable: true, type: String }) otherFrameworkShortName!: string | null;
}

/** A kept CASE association with the framework node it belongs to (the framework page's list). */
export class FrameworkCaseAssociationDto extends CaseAssociationDto {
  @ApiProperty({ format: 'uuid' }) competencyId!: string;
  @ApiProperty() competencyCode!: string;
  @ApiProperty() competencyTitle!: string;
}
