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

  /** The usage terms of an imported framework (CASE licenseURI, with the CFLicenses text when given). */
  @Column({ type: 'jsonb', nullable: true })
  license!: FrameworkLicense | null;

  /** Where the imported package came from (CFPackageURI or the document's uri). */
  @Column({ type: 'text', nullable: true })
  sourceUri!: string | null;

  /** The package's lastChangeDateTime as the publisher wrote it: a re-import compares it. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  sourceChangedAt!: string | null;

  /** The CFDocument as imported, kept whole for export. */
  @Column({ type: 'jsonb', nullable: true })
  caseDocument!: Record<string, unknown> | null;

  /** The package's CFDefinitions (item types, concepts, subjects, licences), kept whole for export. */
  @Column({ type: 'jsonb', nullable: true })
  caseDefinitions!: Record<string, unknown> | null;
}

export interface FrameworkLicense {
  title: string;
  uri: string | null;
  identifier: string | null;
  /** The licence's full text, when the package's CFDefinitions carry it. */
  text: string | null;
}

/** A node of a framework's tree: domain → competency → indicator. */
@Entity('competencies')
// Codes are labels: publishers repeat them. Nodes added in the console keep distinct codes.
@Index('uq_competencies_framework_code_manual', ['frameworkId', 'code'], {
  unique: true,
  where: '"case_identifier" IS NULL',
})
@Index('ix_competencies_case_identifier', { synchronize: false })
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

  /** Short human code, e.g. "PSEL 3" or "RB-C2.1" (CASE humanCodingScheme; not necessarily unique). */
  @Column({ type: 'varchar', length: 200 })
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

  /** The publisher's CFItemType (Claim, Target, Standard, …); `kind` is Emerge's own reading of it. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  itemType!: string | null;

  @Column({ type: 'text', array: true, default: '{}' })
  educationLevels!: string[];

  @Column({ type: 'varchar', length: 100, nullable: true })
  listEnumeration!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  language!: string | null;

  /** The CFItem as imported, kept whole for export. */
  @Column({ type: 'jsonb', nullable: true })
  caseItem!: Record<string, unknown> | null;

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

export const NODE_ENDS = ['origin', 'destination'] as const;

/**
 * A CASE association Emerge keeps as published but does not build its tree or crosswalk from: a link whose
 * other end is outside the installation (an external link until that framework is imported), an item's
 * second placement, or another association type (isPartOf, precedes, …).
 */
@Entity('case_associations')
@Index('uq_case_associations_link', { synchronize: false })
@Index('ix_case_associations_unresolved', { synchronize: false })
@Index('ix_case_associations_framework', ['frameworkId'])
@Index('ix_case_associations_other_competency', ['otherCompetencyId'])
@Check('ck_case_associations_node_end', `"node_end" IN ('origin', 'destination')`)
export class CaseAssociationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_case_associations' })
  id!: string;

  @Column({ type: 'uuid' })
  frameworkId!: string;

  @ManyToOne(() => CompetencyFrameworkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'framework_id', foreignKeyConstraintName: 'fk_case_associations_framework' })
  framework?: CompetencyFrameworkEntity;

  /** The end that is a node of this framework. */
  @Column({ type: 'uuid' })
  competencyId!: string;

  @ManyToOne(() => CompetencyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'competency_id', foreignKeyConstraintName: 'fk_case_associations_competency' })
  competency?: CompetencyEntity;

  /** Whether that node is the association's origin or destination. */
  @Column({ type: 'varchar', length: 11 })
  nodeEnd!: (typeof NODE_ENDS)[number];

  @Column({ type: 'varchar', length: 100 })
  associationType!: string;

  @Column({ type: 'text' })
  otherIdentifier!: string;

  @Column({ type: 'text', nullable: true })
  otherUri!: string | null;

  @Column({ type: 'text', nullable: true })
  otherTitle!: string | null;

  /** The other end once it is a node of the installation; null while it is outside (an external link). */
  @Column({ type: 'uuid', nullable: true })
  otherCompetencyId!: string | null;

  @ManyToOne(() => CompetencyEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'other_competency_id', foreignKeyConstraintName: 'fk_case_associations_other_competency' })
  otherCompetency?: CompetencyEntity;

  @Column({ type: 'int', nullable: true })
  sequenceNumber!: number | null;

  /** The association's own CASE identifier. */
  @Column({ type: 'text', nullable: true })
  caseIdentifier!: string | null;
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
