import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, ValidateNested } from 'class-validator';
import {
  AcceptsCloneOf,
  ReadOnly,
  ValidateEnum,
  ValidateInt,
  ValidateString,
  ValidateUUID,
  ValidateVersion,
} from '../../common/validation/decorators.js';
import type { NodeKind } from './competency.entity.js';
import { NODE_KINDS } from './competency.entity.js';

export class RubricLevelInputDto {
  @ValidateInt({ min: 1, max: 20 }) level!: number;
  @ValidateString({ maxLength: 100, example: 'Proficient' }) label!: string;
}

class FrameworkFields {
  @ValidateString({ maxLength: 300, example: 'Harbor Leadership Standards' }) title!: string;
  @ValidateString({ maxLength: 40, example: 'HLS' }) shortName!: string;
  @ValidateString({ maxLength: 8000, optional: true }) description?: string;
  /** Who publishes it, and where the full text lives. */
  @ValidateString({ maxLength: 1000, optional: true }) source?: string;
  /**
   * Levels 1..n in order (2 to 20), each with a label. Default on create: 1 Emerging, 2 Developing,
   * 3 Proficient, 4 Exemplary. A rubric cannot shrink below a level that evidence or a role target uses (409).
   */
  @ApiPropertyOptional({ type: [RubricLevelInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RubricLevelInputDto)
  rubric?: RubricLevelInputDto[];
}

@AcceptsCloneOf(() => UpdateFrameworkDto)
export class CreateFrameworkDto extends FrameworkFields {}

export class UpdateFrameworkDto extends FrameworkFields {
  @ReadOnly('ids never change') id?: string;
  @ReadOnly('a framework stays in its district') districtId?: string;
  @ReadOnly('only the shared reference frameworks are reference') reference?: boolean;
  @ReadOnly('the key is the identity a CASE re-import matches') key?: string;
  @ReadOnly('counted by the server', { computed: true }) nodeCount?: number;
  @ReadOnly('set by the CASE import', { computed: true }) license?: unknown;
  @ReadOnly('set by the CASE import', { computed: true }) sourceUri?: string | null;
  @ReadOnly('set by the CASE import', { computed: true }) sourceChangedAt?: string | null;
  @ReadOnly('counted by the server', { computed: true }) itemTypes?: unknown;
  @ReadOnly('counted by the server', { computed: true }) externalLinkCount?: number;
  @ReadOnly('set by the server') createdAt?: string;
  @ReadOnly('set by the server') updatedAt?: string;
  @ValidateVersion() version!: number;
}

class CompetencyFields {
  /** The parent node in the same framework; null for a top-level node. */
  @ValidateUUID({ nullable: true }) parentId?: string | null;
  /** Never a shallower kind than the parent (domain → competency → indicator). */
  @ValidateEnum(NODE_KINDS, 'CompetencyKind') kind!: NodeKind;
  /** e.g. "HLS-2.1": distinct among the framework's nodes when typed here (CASE imports may repeat codes). */
  @ValidateString({ maxLength: 200, example: 'HLS-2.1' }) code!: string;
  @ValidateString({ maxLength: 400 }) title!: string;
  @ValidateString({ maxLength: 8000, optional: true }) description?: string;
  /** Order among siblings; default: after the last one. */
  @ValidateInt({ min: 0, max: 100000, optional: true }) position?: number;
}

@AcceptsCloneOf(() => UpdateCompetencyDto)
export class CreateCompetencyDto extends CompetencyFields {
  /** One of your district's own frameworks (reference frameworks are read-only). */
  @ValidateUUID() frameworkId!: string;
}

export class UpdateCompetencyDto extends CompetencyFields {
  @ReadOnly('ids never change') id?: string;
  @ReadOnly('a node stays in its framework') frameworkId?: string;
  @ReadOnly('the framework short name is edited on the framework', { computed: true }) frameworkShortName?: string;
  @ReadOnly('set by the CASE import') caseIdentifier?: string | null;
  @ReadOnly('only reference frameworks are reference') reference?: boolean;
  @ReadOnly('edit links through /api/crosswalk-links', { computed: true }) crosswalk?: unknown;
  @ReadOnly('set by the CASE import', { computed: true }) caseAssociations?: unknown;
  @ReadOnly('set by the CASE import', { computed: true }) itemType?: string | null;
  @ReadOnly('set by the CASE import', { computed: true }) educationLevels?: string[];
  @ReadOnly('set by the CASE import', { computed: true }) listEnumeration?: string | null;
  @ReadOnly('set by the CASE import', { computed: true }) language?: string | null;
  /** The node's own version, as read: a stale one is a 409. */
  @ValidateVersion() version!: number;
}
