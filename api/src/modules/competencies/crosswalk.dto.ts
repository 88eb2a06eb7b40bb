import { ApiProperty } from '@nestjs/swagger';
import type { ListSpec } from '../../common/pagination/list-query.js';
import { plainSearch } from '../../common/pagination/search.js';
import { ValidateEnum, ValidateUUID } from '../../common/validation/decorators.js';
import type { LinkKind } from './competency.entity.js';
import { LINK_KINDS } from './competency.entity.js';

export const CROSSWALK_LIST: ListSpec = {
  resource: 'crosswalk-links',
  idColumn: 'l.id',
  sort: { fromCode: 'a.code', toCode: 'b.code', kind: 'l.kind' },
  defaultSort: ['fromCode', 'ASC'],
  filters: {
    kind: { column: 'l.kind', type: 'string', values: LINK_KINDS },
    fromId: { column: 'l.from_id', type: 'uuid' },
    toId: { column: 'l.to_id', type: 'uuid' },
    /** Links with either end on this node. */
    nodeId: { column: 'l.id', type: 'uuid', where: (p) => `(l.from_id = ANY(:${p}) OR l.to_id = ANY(:${p}))` },
    /** Links with either end in this framework. */
    frameworkId: {
      column: 'l.id',
      type: 'uuid',
      where: (p) => `(a.framework_id = ANY(:${p}) OR b.framework_id = ANY(:${p}))`,
    },
    shipped: { column: 'l.id', type: 'boolean', where: (p) => `(l.district_id IS NULL) = ANY(:${p})` },
  },
  search: plainSearch('a.code', 'a.title', 'b.code', 'b.title'),
};

export class CreateCrosswalkLinkDto {
  /** One end; at least one end must be a node of one of your district's own frameworks. */
  @ValidateUUID() fromId!: string;
  /** The other end: any node your district may see (its own or a reference framework's). */
  @ValidateUUID() toId!: string;
  /** `exact` carries ratings across (rescaled); `related` is shown only. */
  @ValidateEnum(LINK_KINDS, 'CrosswalkKind') kind!: LinkKind;
}

export class CrosswalkLinkResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  /** Null for a link shipped between the reference frameworks. */
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) districtId!: string | null;
  @ApiProperty() shipped!: boolean;
  @ApiProperty({ enum: LINK_KINDS, enumName: 'CrosswalkKind' }) kind!: LinkKind;
  @ApiProperty({ format: 'uuid' }) fromId!: string;
  @ApiProperty() fromCode!: string;
  @ApiProperty() fromTitle!: string;
  @ApiProperty({ format: 'uuid' }) fromFrameworkId!: string;
  @ApiProperty() fromFrameworkShortName!: string;
  @ApiProperty({ format: 'uuid' }) toId!: string;
  @ApiProperty() toCode!: string;
  @ApiProperty() toTitle!: string;
  @ApiProperty({ format: 'uuid' }) toFrameworkId!: string;
  @ApiProperty() toFrameworkShortName!: string;
}
