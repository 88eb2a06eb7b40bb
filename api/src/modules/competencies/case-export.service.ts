import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { v5 as uuidv5 } from 'uuid';
import { AccessService } from '../../auth/access/access.service.js';
import type { AuthContext } from '../../auth/auth-context.js';
import { Permission } from '../../auth/permissions.js';
import { AppError } from '../../common/errors/app-error.js';
import type { FrameworkLicense, RubricLevel } from './competency.entity.js';

type Obj = Record<string, unknown>;

/** Identifiers Emerge makes for records it writes itself (tree and crosswalk associations, rubric parts). */
const NAMESPACE = 'a3f2b6e0-5d1c-4e8a-9b7f-2c4d6e8f0a1b';

interface FrameworkRow {
  id: string;
  districtId: string | null;
  title: string;
  description: string;
  source: string;
  rubric: RubricLevel[];
  license: FrameworkLicense | null;
  sourceUri: string | null;
  caseDocument: Obj | null;
  caseDefinitions: Obj | null;
  updatedAt: Date;
}

interface NodeRow {
  id: string;
  parentId: string | null;
  kind: string;
  code: string;
  title: string;
  description: string;
  position: number;
  caseIdentifier: string | null;
  itemType: string | null;
  educationLevels: string[];
  listEnumeration: string | null;
  language: string | null;
  caseItem: Obj | null;
}

interface Link {
  identifier: string;
  uri: string;
  title: string;
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const urn = (identifier: string) => `urn:uuid:${identifier}`;

/**
 * A framework as a CASE 1.0 package (docs/frameworks.md, "CASE export"). An imported framework is written
 * back as its publisher wrote it (the kept CFDocument, CFItems and associations), with the district's edits;
 * the tree, crosswalk links and rubric are written from Emerge's own records.
 */
@Injectable()
export class CaseExportService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  async export(auth: AuthContext, id: string): Promise<Obj> {
    await this.access.require(auth, Permission.CompetencyRead, [id], 'Framework');
    const [f]: FrameworkRow[] = await this.db.query(
      `SELECT id, district_id AS "districtId", title, description, source, rubric, license, source_uri AS "sourceUri",
              case_document AS "caseDocument", case_definitions AS "caseDefinitions", updated_at AS "updatedAt"
         FROM competency_frameworks WHERE id = $1`,
      [id],
    );
    if (!f) throw AppError.notFound('Framework');
    const nodes: NodeRow[] = await this.db.query(
      `SELECT id, parent_id AS "parentId", kind, code, title, description, position, case_identifier AS "caseIdentifier",
              item_type AS "itemType", education_levels AS "educationLevels", list_enumeration AS "listEnumeration",
              language, case_item AS "caseItem"
         FROM competencies WHERE framework_id = $1 ORDER BY parent_id NULLS FIRST, position, code`,
      [id],
    );
    const changed = f.updatedAt.toISOString();
    const docId = this.documentIdentifier(f);
    const docUri = typeof f.caseDocument?.uri === 'string' ? f.caseDocument.uri : urn(docId);
    const doc: Link = { identifier: docId, uri: docUri, title: f.title };
    const identifierOf = new Map(nodes.map((n) => [n.id, n.caseIdentifier ?? n.id]));
    const links = new Map<string, Link>(
      nodes.map((n) => [
        n.id,
        {
          identifier: identifierOf.get(n.id)!,
          uri: typeof n.caseItem?.uri === 'string' ? n.caseItem.uri : urn(identifierOf.get(n.id)!),
          title: n.title,
        },
      ]),
    );

    const CFDocument: Obj = {
      ...(f.caseDocument ?? {}),
      identifier: docId,
      uri: docUri,
      creator:
        typeof f.caseDocument?.creator === 'string' ? f.caseDocument.creator : f.source.split(' — ')[0] || 'Emerge',
      title: f.title,
      lastChangeDateTime:
        typeof f.caseDocument?.lastChangeDateTime === 'string' ? f.caseDocument.lastChangeDateTime : changed,
      CFPackageURI: { identifier: docId, uri: f.sourceUri ?? docUri, title: f.title },
    };
    if (f.description) CFDocument.description = f.description;
    else delete CFDocument.description;
    if (f.license && !f.caseDocument?.licenseURI)
      CFDocument.licenseURI = {
        title: f.license.title,
        identifier: f.license.identifier ?? uuidv5(`license:${f.license.title}`, NAMESPACE),
        uri: f.license.uri ?? urn(uuidv5(`license:${f.license.title}`, NAMESPACE)),
      };

    const CFItems = nodes.map((n) => this.item(n, links.get(n.id)!, doc, changed));
    const CFAssociations: Obj[] = [];
    const association = (type: string, origin: Link, destination: Link, extra: Obj = {}): Obj => {
      const identifier = uuidv5(`${origin.identifier}|${type}|${destination.identifier}`.toLowerCase(), NAMESPACE);
      return {
        identifier,
        associationType: type,
        uri: urn(identifier),
        CFDocumentURI: doc,
        originNodeURI: origin,
        destinationNodeURI: destination,
        lastChangeDateTime: changed,
        ...extra,
      };
    };
    for (const n of nodes) {
      const parent = n.parentId ? links.get(n.parentId)! : doc;
      CFAssociations.push(association('isChildOf', links.get(n.id)!, parent, { sequenceNumber: n.position + 1 }));
    }

    // Kept as published: written back with their own identifiers; an end inside Emerge names that node.
    const kept: {
      competencyId: string;
      nodeEnd: 'origin' | 'destination';
      type: string;
      otherIdentifier: string;
      otherUri: string | null;
      otherTitle: string | null;
      otherCompetencyId: string | null;
      sequence: number | null;
      identifier: string | null;
      otherCode: string | null;
    }[] = await this.db.query(
      `SELECT a.competency_id AS "competencyId", a.node_end AS "nodeEnd", a.association_type AS type,
              a.other_identifier AS "otherIdentifier", a.other_uri AS "otherUri", a.other_title AS "otherTitle",
              a.other_competency_id AS "otherCompetencyId", a.sequence_number AS sequence, a.case_identifier AS identifier,
              o.code AS "otherCode"
         FROM case_associations a LEFT JOIN competencies o ON o.id = a.other_competency_id
        WHERE a.framework_id = $1 ORDER BY a.id`,
      [id],
    );
    const written = new Set<string>();
    const pair = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);
    for (const k of kept) {
      const mine = links.get(k.competencyId)!;
      const other: Link = {
        identifier: k.otherIdentifier,
        uri: k.otherUri ?? urn(k.otherIdentifier),
        title: k.otherTitle ?? k.otherCode ?? k.otherIdentifier,
      };
      const [origin, destination] = k.nodeEnd === 'origin' ? [mine, other] : [other, mine];
      const a = association(k.type, origin, destination, k.sequence === null ? {} : { sequenceNumber: k.sequence });
      if (k.identifier) {
        a.identifier = k.identifier;
        a.uri = urn(k.identifier);
      }
      CFAssociations.push(a);
      if (k.otherCompetencyId && (k.type === 'exactMatchOf' || k.type === 'isRelatedTo'))
        written.add(pair(k.competencyId, k.otherCompetencyId));
    }

    // Crosswalk links this district may see; ones already written as kept associations are not repeated.
    const crosswalk: {
      fromId: string;
      toId: string;
      kind: 'exact' | 'related';
      otherId: string;
      otherIdentifier: string;
      otherTitle: string;
    }[] = await this.db.query(
      `SELECT l.from_id AS "fromId", l.to_id AS "toId", l.kind, o.id AS "otherId",
              COALESCE(o.case_identifier, o.id::text) AS "otherIdentifier", o.title AS "otherTitle"
         FROM crosswalk_links l
         JOIN competencies mine ON mine.framework_id = $1 AND mine.id IN (l.from_id, l.to_id)
         JOIN competencies o ON o.id = CASE WHEN l.from_id = mine.id THEN l.to_id ELSE l.from_id END
         JOIN competency_frameworks of ON of.id = o.framework_id
        WHERE (l.district_id IS NULL OR l.district_id = $2) AND (of.district_id IS NULL OR of.district_id = $2)
          AND (o.framework_id <> $1 OR l.from_id = mine.id)
        ORDER BY l.id`,
      [id, auth.scope.kind === 'platform' ? null : auth.scope.districtId],
    );
    for (const l of crosswalk) {
      if (written.has(pair(l.fromId, l.toId))) continue;
      written.add(pair(l.fromId, l.toId));
      const end = (nodeId: string): Link =>
        links.get(nodeId) ?? { identifier: l.otherIdentifier, uri: urn(l.otherIdentifier), title: l.otherTitle };
      CFAssociations.push(association(l.kind === 'exact' ? 'exactMatchOf' : 'isRelatedTo', end(l.fromId), end(l.toId)));
    }

    const pkg: Obj = { CFDocument, CFItems, CFAssociations, CFRubrics: [this.rubric(f, docId, changed)] };
    if (f.caseDefinitions) pkg.CFDefinitions = f.caseDefinitions;
    return pkg;
  }

  /** The CFDocument identifier: the imported one, else the framework's own id. */
  private documentIdentifier(f: FrameworkRow): string {
    const imported = f.caseDocument?.identifier;
    return typeof imported === 'string' && imported.trim() ? imported.trim() : f.id;
  }

  private item(n: NodeRow, self: Link, doc: Link, changed: string): Obj {
    const kept = n.caseItem ?? {};
    const item: Obj = {
      ...kept,
      identifier: self.identifier,
      uri: self.uri,
      fullStatement: typeof kept.fullStatement === 'string' ? kept.fullStatement : n.title,
      lastChangeDateTime: typeof kept.lastChangeDateTime === 'string' ? kept.lastChangeDateTime : changed,
      CFItemType: n.itemType ?? (n.caseItem ? kept.CFItemType : capitalised(n.kind)),
    };
    if (item.CFItemType === undefined || item.CFItemType === null) delete item.CFItemType;
    if (!n.caseItem) {
      item.humanCodingScheme = n.code;
      item.CFDocumentURI = doc;
      if (n.description) item.notes = n.description;
    } else {
      // Edits made in the console since the import win over the publisher's text.
      if (typeof kept.humanCodingScheme === 'string' && kept.humanCodingScheme.trim() !== n.code)
        item.humanCodingScheme = n.code;
      const full = String(kept.fullStatement ?? '').trim();
      const imported = full.length <= 400 ? full : String(kept.abbreviatedStatement ?? '').trim();
      if (n.title !== imported && !(full.length > 400 && n.title.endsWith('…'))) {
        if (full.length <= 400) item.fullStatement = n.title;
        else item.abbreviatedStatement = n.title;
      }
    }
    if (n.educationLevels.length && !kept.educationLevel) item.educationLevel = n.educationLevels;
    if (n.listEnumeration && !kept.listEnumeration) item.listEnumeration = n.listEnumeration;
    if (n.language && !kept.language) item.language = n.language;
    return item;
  }

  /** The framework's one rubric as one CFRubric with one criterion; score = level. */
  private rubric(f: FrameworkRow, docId: string, changed: string): Obj {
    const id = (name: string) => uuidv5(`${docId}|rubric|${name}`.toLowerCase(), NAMESPACE);
    return {
      identifier: id('rubric'),
      uri: urn(id('rubric')),
      title: `${f.title}: rubric`,
      lastChangeDateTime: changed,
      CFRubricCriteria: [
        {
          identifier: id('criterion'),
          uri: urn(id('criterion')),
          rubricId: id('rubric'),
          position: 1,
          lastChangeDateTime: changed,
          CFRubricCriterionLevels: f.rubric.map((l) => ({
            identifier: id(`level ${l.level}`),
            uri: urn(id(`level ${l.level}`)),
            rubricCriterionId: id('criterion'),
            quality: l.label,
            score: l.level,
            position: l.level,
            lastChangeDateTime: changed,
          })),
        },
      ],
    };
  }
}
