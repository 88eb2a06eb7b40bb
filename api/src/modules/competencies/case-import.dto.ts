import { ApiProperty } from '@nestjs/swagger';
import { ValidateString } from '../../common/validation/decorators.js';
import { FrameworkResponseDto } from './competency.dto.js';

export class CaseImportUrlDto {
  /** The package's address on a CASE provider, e.g. https://case.example.org/ims/case/v1p0/CFPackages/{identifier}. */
  @ValidateString({
    maxLength: 2000,
    example: 'https://case.example.org/ims/case/v1p0/CFPackages/9f1c2b1e-6d0a-4c55-9d2e-1a2b3c4d5e6f',
  })
  url!: string;
}

export class CaseImportCountsDto {
  /** 1 when the framework itself was created (or its title, description, source or rubric updated). */
  @ApiProperty() framework!: number;
  @ApiProperty() items!: number;
  /** Crosswalk links (exactMatchOf, isRelatedTo) between nodes Emerge has. */
  @ApiProperty() links!: number;
  /** Associations kept as published: links to nodes outside Emerge, second placements, other types. */
  @ApiProperty() associations!: number;
}

export class CaseImportRemovedDto {
  /** Associations the framework had from an earlier import that the package no longer lists. */
  @ApiProperty() associations!: number;
}

export class CaseItemSampleDto {
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) itemType!: string | null;
}

export class CaseItemChangesDto {
  /** The first 20 items the import adds, in tree order. */
  @ApiProperty({ type: [CaseItemSampleDto] }) created!: CaseItemSampleDto[];
  /** The first 20 items it changes. */
  @ApiProperty({ type: [CaseItemSampleDto] }) updated!: CaseItemSampleDto[];
}

export class CaseNoticeDto {
  /** e.g. `outside the tree`, `second placement`, `repeated association`, `self link`, `no item of this package`. */
  @ApiProperty() kind!: string;
  @ApiProperty() count!: number;
  @ApiProperty() message!: string;
  /** Up to five places (paths or identifiers). */
  @ApiProperty({ type: [String] }) examples!: string[];
}

export class CaseImportResultDto {
  /** True when `?dryRun=true`: everything was checked and counted, nothing kept. */
  @ApiProperty() dryRun!: boolean;
  /** False when the package matched the framework exactly (a repeated import). */
  @ApiProperty() changed!: boolean;
  @ApiProperty({ type: FrameworkResponseDto }) framework!: FrameworkResponseDto;
  @ApiProperty({ type: CaseImportCountsDto }) created!: CaseImportCountsDto;
  @ApiProperty({ type: CaseImportCountsDto }) updated!: CaseImportCountsDto;
  @ApiProperty({ type: CaseImportCountsDto }) unchanged!: CaseImportCountsDto;
  @ApiProperty({ type: CaseImportRemovedDto }) removed!: CaseImportRemovedDto;
  /** The framework's links whose other end is not (yet) a node of a framework the district has. */
  @ApiProperty() externalLinks!: number;
  /** Links of the district's other frameworks that pointed outside and now reach this framework's nodes. */
  @ApiProperty() resolvedLinks!: number;
  /** Which items are new and which change (samples; `created` and `updated` have the counts). */
  @ApiProperty({ type: CaseItemChangesDto }) itemChanges!: CaseItemChangesDto;
  /** What the import did with a valid package that a reader might not expect, by kind. */
  @ApiProperty({ type: [CaseNoticeDto] }) notices!: CaseNoticeDto[];
  /** Associations left out (see the notices): repeats, self links, links between two nodes outside the package. */
  @ApiProperty() ignoredAssociations!: number;
}

const ref = (identifier: string) => ({
  type: 'object',
  required: ['identifier'],
  properties: {
    identifier: { type: 'string', example: identifier },
    uri: { type: 'string' },
    title: { type: 'string' },
  },
});

/** The request body as OpenAPI shows it: the parts of a CASE 1.0 package (CFPackage) that Emerge reads. */
export const CASE_PACKAGE_SCHEMA = {
  type: 'object',
  required: ['CFDocument', 'CFItems', 'CFAssociations'],
  properties: {
    CFDocument: {
      type: 'object',
      required: ['identifier', 'title', 'creator'],
      description: 'The framework. Its identifier is the identity a re-import matches (`<district id>:<identifier>`).',
      properties: {
        identifier: { type: 'string', maxLength: 100, example: '9f1c2b1e-6d0a-4c55-9d2e-1a2b3c4d5e6f' },
        title: { type: 'string', maxLength: 300 },
        creator: { type: 'string' },
        description: { type: 'string' },
        officialSourceURL: { type: 'string' },
        licenseURI: { ...ref('licence identifier'), description: 'The usage terms, shown on the framework page' },
        lastChangeDateTime: { type: 'string' },
        CFPackageURI: ref('package identifier'),
      },
    },
    CFItems: {
      type: 'array',
      description:
        'The nodes, kept whole. Identifiers match case-insensitively. Kind: CFItemType when it is Domain, Competency or Indicator, else by depth (0 domain, 1 competency, 2+ indicator); the CFItemType itself is kept and shown. Code: humanCodingScheme (codes may repeat), else derived from the parent code and position.',
      items: {
        type: 'object',
        required: ['identifier', 'fullStatement'],
        properties: {
          identifier: { type: 'string', maxLength: 100 },
          fullStatement: { type: 'string' },
          abbreviatedStatement: { type: 'string' },
          humanCodingScheme: { type: 'string', maxLength: 200 },
          CFItemType: { type: 'string', example: 'Claim' },
          notes: { type: 'string' },
          educationLevel: { type: 'array', items: { type: 'string' } },
          listEnumeration: { type: 'string' },
          language: { type: 'string' },
        },
      },
    },
    CFAssociations: {
      type: 'array',
      description:
        'isChildOf builds the tree (origin = child, destination = parent or the CFDocument; sequenceNumber orders siblings; an item placed twice stays under the lowest sequenceNumber, the other placement is kept as a link; an item placed nowhere goes to the top level). exactMatchOf → an exact crosswalk link, isRelatedTo → related. An end outside the package is found by identifier among the frameworks your district has, else kept as an external link that resolves when its framework is imported. Other types are kept as published. Repeats and two-way pairs are merged.',
      items: {
        type: 'object',
        required: ['identifier', 'associationType', 'originNodeURI', 'destinationNodeURI'],
        properties: {
          identifier: { type: 'string' },
          associationType: { type: 'string', example: 'isChildOf' },
          originNodeURI: ref('child or linked item identifier'),
          destinationNodeURI: ref('parent, document or linked node identifier'),
          sequenceNumber: { type: 'integer' },
        },
      },
    },
    CFRubrics: {
      type: 'array',
      description:
        "The framework's rubric: the levels of its criteria, ordered by score (or position). Every criterion must use the same number of levels; without rubrics the default 4-level rubric applies.",
      items: {
        type: 'object',
        properties: {
          identifier: { type: 'string' },
          title: { type: 'string' },
          CFRubricCriteria: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                CFRubricCriterionLevels: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      quality: { type: 'string', description: 'The level label (title is accepted too)' },
                      score: { type: 'number' },
                      position: { type: 'integer' },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};
