import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../../auth/access/access.service.js';
import type { AuthContext } from '../../auth/auth-context.js';
import { requireDistrict } from '../../auth/auth-context.js';
import { Permission } from '../../auth/permissions.js';
import { applyPutRules } from '../../common/crud/put-rules.js';
import type { FieldErrors } from '../../common/errors/app-error.js';
import { AppError } from '../../common/errors/app-error.js';
import { toIso } from '../../common/iso.js';
import type { ListQuery, Page } from '../../common/pagination/list-query.js';
import { seesRetirementData } from '../educators/educator-mapper.js';
import type { PositionResponseDto } from './position.dto.js';
import { CreatePositionDto, KNOWN_OPENING_SQL, POSITION_LIST, UpdatePositionDto } from './position.dto.js';
import { PositionEntity } from './position.entity.js';
import type { PositionRow } from './position.repository.js';
import { PositionRepository } from './position.repository.js';

export function toPositionResponse(row: PositionRow): PositionResponseDto {
  return {
    ...row,
    filledAt: row.filledAt ? toIso(row.filledAt) : null,
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
  };
}

/**
 * A seat as a caller who may not see retirement data gets it (issue #18): no incumbent's retirement year, and
 * the opening is the known departure only.
 */
export function forViewer(auth: AuthContext, p: PositionResponseDto): PositionResponseDto {
  if (seesRetirementData(auth)) return p;
  return {
    ...p,
    incumbentRetirementEligibleYear: null,
    projectedOpeningOn: p.status === 'filled' ? p.projectedVacancyOn : null,
  };
}

/** The list's opening sort and filter on the known departure only, for the same callers. */
function knownOpenings(query: ListQuery): ListQuery {
  const within = (v: string) =>
    `${KNOWN_OPENING_SQL} <= current_date + make_interval(months => (SELECT max(x) FROM unnest(CAST(:${v} AS int[])) x))`;
  return {
    ...query,
    sort: query.sort.field === 'projectedOpeningOn' ? { ...query.sort, column: KNOWN_OPENING_SQL } : query.sort,
    filters: query.filters.map((f) => (f.key === 'opensWithinMonths' ? { ...f, def: { ...f.def, where: within } } : f)),
  };
}

type Seat = Pick<PositionEntity, 'roleId' | 'schoolId' | 'title' | 'incumbentEducatorId' | 'projectedVacancyOn'>;

/** Positions (leadership seats): hr manages them; the superintendent and coordinators read them. */
@Injectable()
export class PositionService {
  constructor(
    private readonly access: AccessService,
    private readonly positions: PositionRepository,
    private readonly db: DataSource,
  ) {}

  async list(auth: AuthContext, query: ListQuery): Promise<Page<PositionResponseDto>> {
    const [rows, total] = await this.positions.list(
      auth.scope,
      seesRetirementData(auth) ? query : knownOpenings(query),
    );
    return {
      items: rows.map((r) => forViewer(auth, toPositionResponse(r))),
      total,
      offset: query.offset,
      resource: POSITION_LIST.resource,
    };
  }

  async get(auth: AuthContext, id: string): Promise<PositionResponseDto> {
    await this.access.require(auth, Permission.PositionRead, [id], 'Position');
    return forViewer(auth, await this.response(this.db, id));
  }

  async create(auth: AuthContext, dto: CreatePositionDto): Promise<PositionResponseDto> {
    const districtId = requireDistrict(auth);
    const id = await this.db.transaction(async (m) => {
      const seat = await this.checked(m, districtId, null, dto, {
        roleId: dto.roleId,
        schoolId: dto.schoolId ?? null,
        title: dto.title ?? '',
        incumbentEducatorId: dto.incumbentEducatorId ?? null,
        projectedVacancyOn: dto.projectedVacancyOn ?? null,
      });
      const row = await m.save(
        m.create(PositionEntity, {
          ...seat,
          districtId,
          status: seat.incumbentEducatorId ? 'filled' : 'vacant',
          filledAt: seat.incumbentEducatorId ? new Date() : null,
          placedCandidateId: null,
        }),
      );
      return row.id;
    });
    return this.response(this.db, id);
  }

  async update(auth: AuthContext, id: string, dto: UpdatePositionDto): Promise<PositionResponseDto> {
    await this.access.require(auth, Permission.PositionManage, [id], 'Position');
    await this.db.transaction(async (m) => {
      const position = await this.positions.lock(m, id);
      const current = await this.positions.findRow(m, id);
      if (!position || !current) throw AppError.notFound('Position');
      const changes = applyPutRules(
        dto,
        toPositionResponse(current) as unknown as Record<string, unknown> & {
          version: number;
        },
      );
      const next: Seat = {
        roleId: changes.roleId ?? position.roleId,
        schoolId: changes.schoolId !== undefined ? changes.schoolId : position.schoolId,
        title: changes.title ?? position.title,
        incumbentEducatorId:
          changes.incumbentEducatorId !== undefined ? changes.incumbentEducatorId : position.incumbentEducatorId,
        projectedVacancyOn:
          changes.projectedVacancyOn !== undefined ? changes.projectedVacancyOn : position.projectedVacancyOn,
      };
      // The status sent back unchanged follows the incumbent; a changed one must agree with it.
      const status = dto.status !== position.status ? dto.status : undefined;
      const seat = await this.checked(m, position.districtId, id, { status }, next);
      if (seat.incumbentEducatorId !== position.incumbentEducatorId) {
        // A new person by edit (not placement): the seat's placement link and time start over, and a known
        // departure belonged to the person who left unless the same edit gives a new one.
        position.filledAt = seat.incumbentEducatorId ? new Date() : null;
        position.placedCandidateId = null;
        if ((changes.projectedVacancyOn ?? null) === (position.projectedVacancyOn ?? null))
          seat.projectedVacancyOn = null;
      }
      Object.assign(position, seat, { status: seat.incumbentEducatorId ? 'filled' : 'vacant' });
      await m.save(position);
    });
    return this.response(this.db, id);
  }

  /** Deleting a seat loses no history (PRODUCT.md §3): stage transitions keep the placement. */
  async remove(auth: AuthContext, id: string): Promise<PositionResponseDto> {
    await this.access.require(auth, Permission.PositionManage, [id], 'Position');
    return this.db.transaction(async (m) => {
      const position = await this.positions.lock(m, id);
      if (!position) throw AppError.notFound('Position');
      const response = await this.response(m, id);
      await m.delete(PositionEntity, { id });
      return response;
    });
  }

  private async response(manager: EntityManager | DataSource, id: string): Promise<PositionResponseDto> {
    const row = await this.positions.findRow(manager, id);
    if (!row) throw AppError.notFound('Position');
    return toPositionResponse(row);
  }

  /**
   * The rules of a seat: role, school and incumbent belong to the district; the incumbent is active and
   * holds no other seat; a sent status agrees with the incumbent; only a filled seat has a projected
   * vacancy. Fills in the default title.
   */
  private async checked(
    m: EntityManager,
    districtId: string,
    positionId: string | null,
    dto: { status?: string },
    seat: Seat,
  ): Promise<Seat> {
    const errors: FieldErrors = {};
    const role = await this.positions.role(m, districtId, seat.roleId);
    if (!role) errors.roleId = "roleId must be one of your district's leadership roles";
    const school = seat.schoolId ? await this.positions.school(m, districtId, seat.schoolId) : undefined;
    if (seat.schoolId && !school)
      errors.schoolId = "schoolId must be one of your district's schools, or null for the district office";
    if (seat.incumbentEducatorId) {
      const educator = await this.positions.educator(m, districtId, seat.incumbentEducatorId);
      if (!educator) errors.incumbentEducatorId = "incumbentEducatorId must be one of your district's educators";
      else if (educator.status !== 'active')
        errors.incumbentEducatorId = `${educator.name} is inactive on the roster and cannot hold a seat`;
      else {
        await this.positions.lockEducatorSeats(m, seat.incumbentEducatorId);
        const [other] = await this.positions.seatsHeldBy(m, seat.incumbentEducatorId, positionId);
        if (other)
          errors.incumbentEducatorId = `${educator.name} already holds "${other.title}"; make that seat vacant first`;
      }
    }
    if (dto.status === 'filled' && !seat.incumbentEducatorId)
      errors.status = 'a filled seat needs an incumbent: set incumbentEducatorId';
    if (dto.status === 'vacant' && seat.incumbentEducatorId)
      errors.status = 'a vacant seat has no incumbent: clear incumbentEducatorId';
    if (!seat.incumbentEducatorId && seat.projectedVacancyOn)
      errors.projectedVacancyOn = 'a vacant seat is open now: a projected vacancy applies to a filled seat only';
    if (Object.keys(errors).length) throw AppError.validation(errors);
    const title = seat.title?.trim() || `${role!.title}, ${school?.name ?? 'District office'}`;
    return { ...seat, title };
  }
}
