import { ApiProperty } from '@nestjs/swagger';
import type { ListSpec } from '../../common/pagination/list-query.js';
import type { LinkKind, NodeKind } from './competency.entity.js';
import { LINK_KINDS, NODE_KINDS } from './competency.entity.js';

export const FRAMEWORK_LIST: ListSpec = {
  resource: 'competency-frameworks',
  idColumn: 'f.id',
  sort: { title: 'f.title', shortName: 'f.short_name', createdAt: 'f.created_at' },
  defaultSort: ['title', 'ASC'],
  filters: { reference: { column: 'f.id', type: 'boolean', where: (p) => `(f.district_id IS NULL) = ANY(:${p})` } },
  search: ['f.title', 'f.short_name'],
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
  search: ['c.code', 'c.title'],
};

export class RubricLevelDto {
  @ApiProperty() level!: number;
  @ApiProperty() label!: string;
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
  /** True for a node of a shared reference framework (read-only). */
  @ApiProperty() reference!: boolean;
  /** The node's own version (send it back on PUT); edits of other nodes or of the framework do not change it. */
  @ApiProperty() version!: number;
  /** On the single-record read: the node's crosswalk links, in both directions. */
  @ApiProperty({ type: [CrosswalkDto], required: false }) crosswalk?: CrosswalkDto[];
}
