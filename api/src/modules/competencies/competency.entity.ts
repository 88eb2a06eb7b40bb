import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  VersionColumn,
} from 'typeorm';
import { BaseRecordEntity } from '../../database/base-record.entity.js';
import { DistrictEntity } from '../districts/district.entity.js';
import { LeadershipRoleEntity } from '../leadership-roles/leadership-role.entity.js';

export const NODE_KINDS = ['domain', 'competency', 'indicator'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];
export const LINK_KINDS = ['exact', 'related'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** One ordered rubric level, e.g. {level: 3, label: "Proficient"}. */
export interface RubricLevel {
  level: number;
  label: string;
}

export const DEFAULT_RUBRIC: RubricLevel[] = [
  { level: 1, label: 'Emerging' },
  { level: 2, label: 'Developing' },
  { level: 3, label: 'Proficient' },
  { level: 4, label: 'Exemplary' },
];

/** A framework: shared reference (no district) or a district's own. */
@Entity('competency_frameworks')
@Unique('uq_competency_frameworks_key', ['key'])
@Index('ix_competency_frameworks_district', ['districtId'])
export class CompetencyFrameworkEntity extends BaseRecordEntity {
  /** Null for the shared reference frameworks every district reads. */
  @Column({ type: 'uuid', nullable: true })
  districtId!: string | null;

  @ManyToOne(() => DistrictEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'fk_competency_frameworks_district' })
  district?: DistrictEntity;

  /** Stable identity: a reference slug (e.g. "psel-2015") or `<district id>:<CASE identifier or slug>`. */
  @Column({ type: 'varchar', length: 200 })
  key!: string;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'varchar', length: 40 })
  shortName!: string;

  /** Who publishes it, and where the full text lives. */
  @Column({ type: 'text', default: '' })
  source!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'jsonb' })
  rubric!: RubricLevel[];
}

/** A node of a framework's tree: domain → competency → indicator. */
@Entity('competencies')
@Unique('uq_competencies_framework_code', ['frameworkId', 'code'])
@Index('ix_competencies_parent', ['parentId'])
@Check('ck_competencies_not_own_parent', '"parent_id" IS NULL OR "parent_id" <> "id"')
export class CompetencyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  frameworkId!: string;

  @ManyToOne(() => CompetencyFrameworkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'framework_id', foreignKeyConstraintName: 'fk_competencies_framework' })
  framework?: CompetencyFrameworkEntity;

  @Column({ type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => CompetencyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_competencies_parent' })
  parent?: CompetencyEntity;

  @Column({ type: 'enum', enum: NODE_KINDS, enumName: 'competency_kind' })
  kind!: NodeKind;

  /** Short human code, unique in the framework, e.g. "PSEL 3" or "RB-C2.1". */
  @Column({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'varchar', length: 400 })
  title!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  /** Order among siblings. */
  @Column({ type: 'int', default: 0 })
  position!: number;

  /** The node's CASE CFItem identifier, when it came from a CASE package. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  caseIdentifier!: string | null;

  /** The node's own optimistic-lock version: editing one node does not conflict with edits of its siblings. */
  @VersionColumn({ default: 1 })
  version!: number;
}

/** A crosswalk link between nodes of two frameworks (PRODUCT.md §2). */
@Entity('crosswalk_links')
@Unique('uq_crosswalk_links_from_to', ['fromId', 'toId'])
@Index('ix_crosswalk_links_to', ['toId'])
@Check('ck_crosswalk_links_distinct', '"from_id" <> "to_id"')
export class CrosswalkLinkEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Null for the links shipped between reference frameworks. */
  @Column({ type: 'uuid', nullable: true })
  districtId!: string | null;

  @Column({ type: 'uuid' })
  fromId!: string;

  @ManyToOne(() => CompetencyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'from_id', foreignKeyConstraintName: 'fk_crosswalk_links_from' })
  from?: CompetencyEntity;

  @Column({ type: 'uuid' })
  toId!: string;

  @ManyToOne(() => CompetencyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'to_id', foreignKeyConstraintName: 'fk_crosswalk_links_to' })
  to?: CompetencyEntity;

  @Column({ type: 'enum', enum: LINK_KINDS, enumName: 'crosswalk_kind' })
  kind!: LinkKind;
}

/** The rubric level a leadership role needs on a framework node. */
@Entity('role_targets')
@Index('ix_role_targets_competency', ['competencyId'])
export class RoleTargetEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_role_targets' })
  roleId!: string;

  @ManyToOne(() => LeadershipRoleEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'role_id', foreignKeyConstraintName: 'fk_role_targets_role' })
  role?: LeadershipRoleEntity;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_role_targets' })
  competencyId!: string;

  @ManyToOne(() => CompetencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'competency_id', foreignKeyConstraintName: 'fk_role_targets_competency' })
  competency?: CompetencyEntity;

  @Column({ type: 'int' })
  targetLevel!: number;
}
