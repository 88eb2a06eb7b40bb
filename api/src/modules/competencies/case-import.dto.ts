import { ApiProperty } from '@nestjs/swagger';
import { FrameworkResponseDto } from './competency.dto.js';

export class CaseImportCountsDto {
  /** 1 when the framework itself was created (or its title, description, source or rubric updated). */
  @ApiProperty() framework!: number;
  @ApiProperty() items!: number;
  @ApiProperty() links!: number;
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
  /** Associations of other CASE types (isPartOf, precedes, …), which Emerge does not use. */
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
      },
    },
    CFItems: {
      type: 'array',
      description:
        'The nodes. Kind: CFItemType when it is Domain, Competency or Indicator, else by depth (0 domain, 1 competency, 2+ indicator). Code: humanCodingScheme, else derived from the parent code and position.',
      items: {
        type: 'object',
        required: ['identifier', 'fullStatement'],
        properties: {
          identifier: { type: 'string', maxLength: 100 },
          fullStatement: { type: 'string' },
          abbreviatedStatement: { type: 'string' },
          humanCodingScheme: { type: 'string', maxLength: 40 },
          CFItemType: { type: 'string', example: 'Competency' },
          notes: { type: 'string' },
        },
      },
    },
    CFAssociations: {
      type: 'array',
      description:
        'isChildOf builds the tree (origin = child, destination = parent or the CFDocument; sequenceNumber orders siblings). exactMatchOf → an exact crosswalk link, isRelatedTo → related; their other end may be a node of another framework your district uses, found by its CASE identifier. Other types are ignored.',
      items: {
        type: 'object',
        required: ['identifier', 'associationType', 'originNodeURI', 'destinationNodeURI'],
        properties: {
          identifier: { type: 'string' },
          associationType: { type: 'string', enum: ['isChildOf', 'exactMatchOf', 'isRelatedTo'] },
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
