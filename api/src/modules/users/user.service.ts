import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../../auth/access/access.service.js';
import type { AuthContext } from '../../auth/auth-context.js';
import { PasswordTokenService } from '../../auth/password-token.service.js';
import type { Role } from '../../auth/permissions.js';
import { Permission } from '../../auth/permissions.js';
import { applyPutRules } from '../../common/crud/put-rules.js';
import { AppError, FieldErrors } from '../../common/errors/app-error.js';
import { ErrorCode } from '../../common/errors/error-code.js';
import type { ListQuery, Page } from '../../common/pagination/list-query.js';
import {
  CreateUserDto,
  SignInLinkDto,
  toUserResponse,
  UnlinkedDto,
  UpdateUserDto,
  USER_LIST,
  UserResponseDto,
} from './user.dto.js';
import { UserEntity } from './user.entity.js';
import { UserRepository } from './user.repository.js';

@Injectable()
export class UserService {
  constructor(
    private readonly access: AccessService,
    private readonly users: UserRepository,
    private readonly tokens: PasswordTokenService,
    private readonly db: DataSource,
  ) {}

  async list(auth: AuthContext, query: ListQuery): Promise<Page<UserResponseDto>> {
    const [rows, total] = await this.users.list(auth.scope, query);
    const schools = await this.users.schoolIdsByUser(
      this.db,
      rows.map((u) => u.id),
    );
    return {
      items: rows.map((u) => toUserResponse(u, schools.get(u.id) ?? [])),
      total,
      offset: query.offset,
      resource: USER_LIST.resource,
    };
  }

  async get(auth: AuthContext, id: string): Promise<UserResponseDto> {
    await this.access.require(auth, Permission.UserRead, [id], 'User');
    return this.load(this.db, id);
  }

  async create(auth: AuthContext, dto: CreateUserDto): Promise<UserResponseDto> {
    const districtId = await this.districtForNewUser(auth, dto);
    const schoolIds = dto.schoolIds ?? [];
    await this.checkSchools(dto.role, schoolIds, districtId);
    return this.db.transaction(async (m) => {
      const user = await this.users.insert(m, {
        districtId,
        email: dto.email,
        name: dto.name,
        role: dto.role,
        active: true,
        passwordHash: null,
      });
      await this.users.setSchools(m, user.id, schoolIds);
      const link = await this.tokens.issue(m, user.id);
      return {
        ...toUserResponse(user, schoolIds),
        setPasswordPath: link.setPasswordPath,
        setPasswordExpiresAt: link.expiresAt.toISOString(),
      };
    });
  }

  async update(auth: AuthContext, id: string, dto: UpdateUserDto): Promise<UserResponseDto> {
    await this.access.require(auth, Permission.UserManage, [id], 'User');
    return this.db.transaction(async (m) => {
      const user = await this.users.findById(m, id, true);
      if (!user) throw AppError.notFound('User');
      const before = (await this.users.schoolIdsByUser(m, [id])).get(id) ?? [];
      const changes = applyPutRules(dto, { ...toUserResponse(user, before) });
      const role = changes.role ?? user.role;
      const schoolIds = changes.schoolIds ?? before;
      this.checkRoleChange(auth, user, role, changes.active ?? user.active);
      if (changes.active && !user.active && user.educatorId && !(await this.users.educatorActive(m, user.educatorId))) {
        throw AppError.validation({ active: 'this educator is inactive on the roster; reactivate them there first' });
      }
      await this.checkSchools(role, schoolIds, user.districtId);
      const schoolsChanged = [...schoolIds].sort().join() !== [...before].sort().join();
      const revoke = role !== user.role || (changes.active ?? user.active) !== user.active || schoolsChanged;
      Object.assign(user, {
        email: changes.email ?? user.email,
        name: changes.name ?? user.name,
        role,
        active: changes.active ?? user.active,
      });
      if (revoke) user.tokenVersion += 1;
      await this.users.save(m, user);
      if (schoolsChanged) await this.users.setSchools(m, id, schoolIds);
      return this.load(m, id);
    });
  }

  /** A new one-time set-password link (e.g. the first one expired); earlier links stop working. */
  async issuePasswordLink(auth: AuthContext, id: string): Promise<UserResponseDto> {
    await this.access.require(auth, Permission.UserManage, [id], 'User');
    return this.db.transaction(async (m) => {
      const link = await this.tokens.issue(m, id);
      return {
        ...(await this.load(m, id)),
        setPasswordPath: link.setPasswordPath,
        setPasswordExpiresAt: link.expiresAt.toISOString(),
      };
    });
  }

  /** The user's single sign-on links (provider accounts), oldest first. */
  async signInLinks(auth: AuthContext, id: string): Promise<SignInLinkDto[]> {
    await this.access.require(auth, Permission.UserRead, [id], 'User');
    const rows: { issuer: string; emailAtLink: string; linkedAt: Date; lastUsedAt: Date | null }[] =
      await this.db.query(
        `SELECT issuer, email_at_link AS "emailAtLink", created_at AS "linkedAt", last_used_at AS "lastUsedAt"
         FROM user_identities WHERE user_id = $1 ORDER BY created_at`,
        [id],
      );
    return rows.map((r) => ({
      ...r,
      linkedAt: r.linkedAt.toISOString(),
      lastUsedAt: r.lastUsedAt ? r.lastUsedAt.toISOString() : null,
    }));
  }

  /**
   * Removes the user's single sign-on links (e.g. the provider recreated the account under a new subject): the
   * next sign-in links again by verified email and domain. Their sessions end, so a provider account that is no
   * longer theirs keeps no access.
   */
  async unlinkSignIn(auth: AuthContext, id: string): Promise<UnlinkedDto> {
    await this.access.require(auth, Permission.UserManage, [id], 'User');
    return this.db.transaction(async (m) => {
      // A CTE: TypeORM answers a bare DELETE … RETURNING with [rows, count], not the rows.
      const removed: unknown[] = await m.query(
        `WITH gone AS (DELETE FROM user_identities WHERE user_id = $1 RETURNING id) SELECT id FROM gone`,
        [id],
      );
      if (removed.length) await m.increment(UserEntity, { id }, 'tokenVersion', 1);
      return { removed: removed.length };
    });
  }

  async remove(auth: AuthContext, id: string): Promise<never> {
    await this.access.require(auth, Permission.UserManage, [id], 'User');
    throw new AppError(
      ErrorCode.InUse,
      'Users are never deleted, so their history stays readable; deactivate the user instead (active: false)',
    );
  }

  private async load(m: EntityManager | DataSource, id: string): Promise<UserResponseDto> {
    const user = await this.users.findById(m, id);
    if (!user) throw AppError.notFound('User');
    const schools = await this.users.schoolIdsByUser(m, [id]);
    return toUserResponse(user, schools.get(id) ?? []);
  }

  private async districtForNewUser(auth: AuthContext, dto: CreateUserDto): Promise<string> {
    if (auth.scope.kind !== 'platform') {
      if (dto.districtId && dto.districtId !== auth.districtId)
        throw AppError.validation({ districtId: 'users are created in your own district' });
      return auth.scope.districtId;
    }
    // platform_admin: only a district's hr accounts, in a district that exists.
    const errors: FieldErrors = {};
    if (dto.role !== 'hr') errors.role = 'platform administrators create hr accounts; hr creates everyone else';
    if (!dto.districtId) errors.districtId = 'districtId is required';
    else if ((await this.access.filter(auth, Permission.DistrictRead, [dto.districtId])).size === 0)
      errors.districtId = 'no such district';
    if (Object.keys(errors).length) throw AppError.validation(errors);
    return dto.districtId!;
  }

  private checkRoleChange(auth: AuthContext, user: UserEntity, role: Role, active: boolean): void {
    const errors: FieldErrors = {};
    if (user.id === auth.userId && role !== user.role) errors.role = 'you cannot change your own role';
    if (user.id === auth.userId && !active) errors.active = 'you cannot deactivate yourself';
    if (role !== user.role && (role === 'educator' || user.role === 'educator'))
      errors.role = 'educator logins are given and removed from the roster record';
    if (role !== user.role && role === 'platform_admin') errors.role = 'platform administrators are not district users';
    if (auth.scope.kind === 'platform' && role !== user.role)
      errors.role = 'platform administrators manage hr accounts only';
    if (Object.keys(errors).length) throw AppError.validation(errors);
  }

  private async checkSchools(role: Role, schoolIds: string[], districtId: string | null): Promise<void> {
    if (role !== 'principal') {
      if (schoolIds.length) throw AppError.validation({ schoolIds: 'only principals lead schools' });
      return;
    }
    if (schoolIds.length === 0) throw AppError.validation({ schoolIds: 'a principal leads at least one school' });
    const found = districtId ? await this.users.countSchoolsInDistrict(districtId, schoolIds) : 0;
    if (found !== new Set(schoolIds).size)
      throw AppError.validation({ schoolIds: "every school must be one of the district's schools" });
  }
}
