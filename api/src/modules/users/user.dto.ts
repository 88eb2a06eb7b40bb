import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Role } from '../../auth/permissions.js';
import { ROLES } from '../../auth/permissions.js';
import type { ListSpec } from '../../common/pagination/list-query.js';
import { userDocument } from '../../common/pagination/search.js';
import {
  AcceptsCloneOf,
  ReadOnly,
  ValidateBoolean,
  ValidateEmail,
  ValidateEnum,
  ValidateString,
  ValidateUUID,
  ValidateVersion,
} from '../../common/validation/decorators.js';
import { UserEntity } from './user.entity.js';

/** Roles given through the users screen; educator logins are given from the roster record. */
export const STAFF_ROLES = ['hr', 'superintendent', 'coordinator', 'principal'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const USER_LIST: ListSpec = {
  resource: 'users',
  idColumn: 'u.id',
  sort: {
    name: 'u.name',
    email: 'u.email',
    role: 'u.role',
    active: 'u.active',
    lastLoginAt: 'u.last_login_at',
    createdAt: 'u.created_at',
  },
  defaultSort: ['name', 'ASC'],
  filters: {
    role: { column: 'u.role', type: 'string', values: ROLES },
    active: { column: 'u.active', type: 'boolean' },
    districtId: { column: 'u.district_id', type: 'uuid' },
    schoolId: {
      column: 'u.id',
      type: 'uuid',
      where: (p) => `EXISTS (SELECT 1 FROM user_schools us WHERE us.user_id = u.id AND us.school_id = ANY(:${p}))`,
    },
  },
  search: { terms: [{ text: userDocument('u') }], ranked: true },
};

@AcceptsCloneOf(() => UpdateUserDto)
export class CreateUserDto {
  @ValidateEmail() email!: string;
  @ValidateString({ maxLength: 200 }) name!: string;
  @ValidateEnum(STAFF_ROLES, 'StaffRole') role!: StaffRole;
  /** The schools a principal leads (principals only). */
  @ValidateUUID({ each: true, optional: true, maxItems: 200 }) schoolIds?: string[];
  /** Only platform_admin sets it, when creating a district's first hr user. */
  @ValidateUUID({ optional: true }) districtId?: string;
}

export class UpdateUserDto {
  @ValidateEmail() email!: string;
  @ValidateString({ maxLength: 200 }) name!: string;
  @ValidateEnum(ROLES, 'Role') role!: Role;
  @ValidateUUID({ each: true, optional: true, maxItems: 200 }) schoolIds?: string[];
  /** A disabled user cannot sign in and their tokens stop working at once. */
  @ValidateBoolean() active!: boolean;
  @ReadOnly('ids never change') id?: string;
  @ReadOnly('a user stays in their district') districtId?: string;
  @ReadOnly('educator logins are linked from the roster record') educatorId?: string;
  @ReadOnly('set by the server') lastLoginAt?: string;
  @ReadOnly('set by the server') createdAt?: string;
  @ReadOnly('set by the server') updatedAt?: string;
  @ReadOnly('shown once, when the link is made') setPasswordPath?: string;
  @ReadOnly('shown once, when the link is made') setPasswordExpiresAt?: string;
  @ReadOnly('set when the person chooses a password') hasPassword?: boolean;
  @ValidateVersion() version!: number;
}

export class UserResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) districtId!: string | null;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role!: Role;
  @ApiProperty({ type: [String] }) schoolIds!: string[];
  @ApiProperty() active!: boolean;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) educatorId!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastLoginAt!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  /** A console path that lets the person choose a password; returned once, when created or re-issued. */
  @ApiPropertyOptional() setPasswordPath?: string;
  @ApiPropertyOptional() setPasswordExpiresAt?: string;
}

export function toUserResponse(u: UserEntity, schoolIds: string[]): UserResponseDto {
  return {
    id: u.id,
    districtId: u.districtId,
    email: u.email,
    name: u.name,
    role: u.role,
    schoolIds: [...schoolIds].sort(),
    active: u.active,
    educatorId: u.educatorId,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    version: u.version,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}

/** A link between the user and a district provider's account, made at their first single sign-on. */
export class SignInLinkDto {
  /** The provider (its issuer URL). */
  @ApiProperty() issuer!: string;
  /** The verified email the provider gave when the link was made. */
  @ApiProperty() emailAtLink!: string;
  @ApiProperty() linkedAt!: string;
  @ApiProperty({ nullable: true, type: String }) lastUsedAt!: string | null;
}

export class UnlinkedDto {
  /** How many links were removed (0: there were none). */
  @ApiProperty() removed!: number;
}
