import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../../auth/auth-context.js';
import { Auth, Authenticated } from '../../auth/authenticated.decorator.js';
import { Permission } from '../../auth/permissions.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import { CreateCredentialDto, CredentialDto, UpdateCredentialDto, VerifyCredentialDto } from './credential.dto.js';
import { CredentialService } from './credential.service.js';

@ApiTags('career profiles')
@Controller()
export class CredentialController {
  constructor(private readonly service: CredentialService) {}

  /** The person's licences, degrees and certifications: their own, or any of the district's for hr and the superintendent. */
  @Get('educators/:id/credentials')
  @Authenticated({ permission: Permission.CareerProfileRead })
  @ApiOkResponse({ type: [CredentialDto] })
  listCredentials(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<CredentialDto[]> {
    return this.service.list(auth, id);
  }

  /** Records a credential, unverified until hr checks it. */
  @Post('educators/:id/credentials')
  @Authenticated({ permission: Permission.CareerProfileManage })
  @ApiCreatedResponse({ type: CredentialDto })
  createCredential(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @Body() dto: CreateCredentialDto,
  ): Promise<CredentialDto> {
    return this.service.create(auth, id, dto);
  }

  /** Replaces the credential; any change clears hr's verification. */
  @Put('credentials/:id')
  @Authenticated({ permission: Permission.CareerProfileManage })
  @ApiOkResponse({ type: CredentialDto })
  updateCredential(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @Body() dto: UpdateCredentialDto,
  ): Promise<CredentialDto> {
    return this.service.update(auth, id, dto);
  }

  @Delete('credentials/:id')
  @Authenticated({ permission: Permission.CareerProfileManage })
  @ApiOkResponse({ type: CredentialDto })
  deleteCredential(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<CredentialDto> {
    return this.service.remove(auth, id);
  }

  /** hr checked the credential against its issuer, as it stands at `version`. */
  @Post('credentials/:id/verification')
  @HttpCode(200)
  @Authenticated({ permission: Permission.CredentialVerify })
  @ApiOkResponse({ type: CredentialDto })
  verifyCredential(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @Body() dto: VerifyCredentialDto,
  ): Promise<CredentialDto> {
    return this.service.verify(auth, id, dto);
  }
}
