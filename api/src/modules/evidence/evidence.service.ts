import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '../../auth/access/access.service.js';
import type { AuthContext } from '../../auth/auth-context.js';
import { requireDistrict } from '../../auth/auth-context.js';
import { Permission } from '../../auth/permissions.js';
import type { FieldErrors } from '../../common/errors/app-error.js';
import { AppError } from '../../common/errors/app-error.js';
import { toIso } from '../../common/iso.js';
import type { ListQuery, Page } from '../../common/pagination/list-query.js';
import type { EvidenceResponseDto } from './evidence.dto.js';
import { CreateEvidenceDto, EVIDENCE_LIST } from './evidence.dto.js';
import { EvidenceRepository } from './evidence.repository.js';

const toResponse = (
  row: Omit<EvidenceResponseDto, 'createdAt'> & { createdAt: Date | string },
): EvidenceResponseDto => ({
  ...row,
  createdAt: toIso(row.createdAt),
});

@Injectable()
export class EvidenceService {
  constructor(
    private readonly access: AccessService,
    private readonly evidence: EvidenceRepository,
    private readonly db: DataSource,
  ) {}

  async list(auth: AuthContext, query: ListQuery): Promise<Page<EvidenceResponseDto>> {
    const { rows, total, lowerBound } = await this.evidence.list(auth.scope, query);
    return {
      items: rows.map((r) => toResponse({ ...r, observedOn: String(r.observedOn) })),
      total,
      totalIsLowerBound: lowerBound,
      offset: query.offset,
      resource: EVIDENCE_LIST.resource,
    };
  }

  async get(auth: AuthContext, id: string): Promise<EvidenceResponseDto> {
    await this.access.require(auth, Permission.EvidenceRead, [id], 'Evidence');
    const row = await this.evidence.findRow(this.db, id);
    if (!row) throw AppError.notFound('Evidence');
    return toResponse({ ...row, observedOn: String(row.observedOn) });
  }

  /** principals on their schools' candidates, coordinators and hr on any, an educator only self_reflection on themself. */
  async create(auth: AuthContext, dto: CreateEvidenceDto): Promise<EvidenceResponseDto> {
    const districtId = requireDistrict(auth);
    await this.access.require(auth, Permission.EvidenceCreate, [dto.candidateId], 'Candidate');
    const errors: FieldErrors = {};
    if (auth.role === 'educator' && dto.source !== 'self_reflection')
      errors.source = 'you may add self_reflection evidence only';
    if (dto.source === 'opportunity_completion')
      errors.source = 'opportunity_completion evidence is created by completing an assignment';
    const rubric = await this.evidence.rubricFor(districtId, dto.competencyId);
    if (!rubric) errors.competencyId = 'competencyId must be a node of a framework your district uses';
    else if (!rubric.some((r) => r.level === dto.level))
      errors.level = `level must be one of the framework's rubric levels: ${rubric.map((r) => r.level).join(', ')}`;
    if (dto.observedOn > new Date().toISOString().slice(0, 10))
      errors.observedOn = 'observedOn cannot be in the future';
    if (Object.keys(errors).length) throw AppError.validation(errors);
    const id = await this.db.transaction(async (m) => {
      const candidate = await this.evidence.candidate(m, dto.candidateId);
      if (!candidate) throw AppError.notFound('Candidate');
      const row = await this.evidence.insert(m, {
        districtId: candidate.districtId,
        candidateId: dto.candidateId,
        competencyId: dto.competencyId,
        level: dto.level,
        source: dto.source,
        note: dto.note ?? '',
        link: dto.link ?? null,
        observedOn: dto.observedOn.slice(0, 10),
        recorderUserId: auth.userId,
      });
      return row.id;
    });
    return this.get(auth, id);
  }
}
