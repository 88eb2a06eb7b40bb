import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { ValidateEmail, ValidateString } from '../common/validation/decorators.js';
import type { Role } from './permissions.js';
import { ROLES } from './permissions.js';

export class LoginDto {
  @ValidateEmail()
  email!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(200)
  password!: string;
}

export class SetPasswordDto {
  /** The token from a set-password link. */
  @ValidateString({ maxLength: 200 })
  token!: string;

  /** At least 12 characters, and not the email. */
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  password!: string;
}

export class SessionUserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role!: Role;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) districtId!: string | null;
  @ApiProperty({ type: [String] }) schoolIds!: string[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) educatorId!: string | null;
}

export class LoginResponseDto {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ type: SessionUserDto }) user!: SessionUserDto;
}
