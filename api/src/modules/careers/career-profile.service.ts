import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '../../auth/access/access.service.js';
import type { AuthContext } from '../../auth/auth-context.js';
import { Permission } from '../../auth/permissions.js';
import { AppError } from '../../common/errors/app-error.js';
import { toIso } from '../../common/iso.js';
import type { GradeBand } from '../schools/school.entity.js';
import type { CareerProfileDto, MoveWillingnessValue, UpdateCareerProfileDto } from './career-profile.dto.js';

interface ProfileRow {
  openToNomination: boolean;
  moveWillingness: MoveWillingnessValue | null;
  moveGradeBands: GradeBand[];
  moveSchoolIds: string[];
  interestRoleIds: string[];
  updatedAt: Date;
}

/** An educator's career profile (issue #19 part 1): kept by the person, editable by hr, read by the superintendent. */
@Injectable()
export class CareerProfileService {
  constructor(
    private readonly access: AccessService,
    private readonly db: DataSource,
  ) {}

  async get(auth: AuthContext, educatorId: string): Promise<CareerProfileDto> {
    await this.access.require(auth, Permission.CareerProfileRead, [educatorId], 'Educator');
    return this.read(educatorId);
  }

  async update(auth: AuthContext, educatorId: string, dto: UpdateCareerProfileDto): Promise<CareerProfileDto> {
    await this.access.require(auth, Permission.CareerProfileManage, [educatorId], 'Educator');
    const schoolIds = [...new Set(dto.moveSchoolIds)];
    const bands = [...new Set(dto.moveGradeBands)];
    await this.db.transaction(async (m) => {
      const [educator]: { districtId: string }[] = await m.query(
        'SELECT district_id AS "districtId" FROM educators WHERE id = $1',
        [educatorId],
      );
      if (!educator) throw AppError.notFound('Educator');
      const known: { id: string }[] = await m.query(
        'SELECT id FROM schools WHERE district_id = $1 AND id = ANY($2::uuid[])',
        [educator.districtId, schoolIds],
      );
      const unknown = schoolIds.filter((id) => !known.some((k) => k.id === id));
      if (unknown.length) {
        throw AppError.validation({ moveSchoolIds: `not schools of this district: ${unknown.join(', ')}` });
      }
      const roleIds = dto.interestRoleIds === undefined ? undefined : [...new Set(dto.interestRoleIds)];
      if (roleIds) {
        const roles: { id: string }[] = await m.query(
          'SELECT id FROM leadership_roles WHERE district_id = $1 AND id = ANY($2::uuid[])',
          [educator.districtId, roleIds],
        );
        const notRoles = roleIds.filter((id) => !roles.some((r) => r.id === id));
        if (notRoles.length) {
          throw AppError.validation({
            interestRoleIds: `not leadership roles of this district: ${notRoles.join(', ')}`,
          });
        }
      }
      await m.query(
        `INSERT INTO career_profiles (educator_id, district_id, open_to_nomination, move_willingness, move_grade_bands, updated_by_user_id)
         VALUES ($1, $2, $3, $4, $5::school_grade_band[], $6)
         ON CONFLICT (educator_id) DO UPDATE SET open_to_nomination = EXCLUDED.open_to_nomination,
           move_willingness = EXCLUDED.move_willingness, move_grade_bands = EXCLUDED.move_grade_bands,
           updated_by_user_id = EXCLUDED.updated_by_user_id, updated_at = now()`,
        [educatorId, educator.districtId, dto.openToNomination, dto.moveWillingness, bands, auth.userId],
      );
      await m.query('DELETE FROM career_profile_schools WHERE educator_id = $1 AND NOT (school_id = ANY($2::uuid[]))', [
        educatorId,
        schoolIds,
      ]);
      await m.query(
        `INSERT INTO career_profile_schools (educator_id, school_id, district_id)
         SELECT $1, s, $2 FROM unnest($3::uuid[]) s ON CONFLICT DO NOTHING`,
        [educatorId, educator.districtId, schoolIds],
      );
      if (roleIds) {
        await m.query('DELETE FROM career_profile_roles WHERE educator_id = $1 AND NOT (role_id = ANY($2::uuid[]))', [
          educatorId,
          roleIds,
        ]);
        await m.query(
          `INSERT INTO career_profile_roles (educator_id, role_id, district_id)
           SELECT $1, r, $2 FROM unnest($3::uuid[]) r ON CONFLICT DO NOTHING`,
          [educatorId, educator.districtId, roleIds],
        );
      }
    });
    return this.read(educatorId);
  }

  private async read(educatorId: string): Promise<CareerProfileDto> {
    const [row]: ProfileRow[] = await this.db.query(
      `SELECT open_to_nomination AS "openToNomination", move_willingness AS "moveWillingness",
              move_grade_bands::text[] AS "moveGradeBands", updated_at AS "updatedAt",
              ARRAY(SELECT ps.school_id FROM career_profile_schools ps WHERE ps.educator_id = p.educator_id
                     ORDER BY ps.school_id) AS "moveSchoolIds",
              ARRAY(SELECT pr.role_id FROM career_profile_roles pr WHERE pr.educator_id = p.educator_id
                     ORDER BY pr.role_id) AS "interestRoleIds"
         FROM career_profiles p WHERE educator_id = $1`,
      [educatorId],
    );
    if (!row) {
      return {
        educatorId,
        openToNomination: false,
        moveWillingness: null,
        moveGradeBands: [],
        moveSchoolIds: [],
        interestRoleIds: [],
        updatedAt: null,
      };
    }
    return { educatorId, ...row, updatedAt: toIso(row.updatedAt) };
  }
}
