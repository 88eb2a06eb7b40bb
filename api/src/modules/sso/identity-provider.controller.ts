import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../../auth/auth-context.js';
import { Auth, Authenticated } from '../../auth/authenticated.decorator.js';
import { Permission } from '../../auth/permissions.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import { IdentityProviderResponseDto, PutIdentityProviderDto } from './identity-provider.dto.js';
import { IdentityProviderService } from './identity-provider.service.js';

/** `/api/districts/{id}/identity-provider`: the district's single sign-on (OpenID Connect) configuration. */
@ApiTags('districts')
@Controller('districts')
export class IdentityProviderController {
  constructor(private readonly service: IdentityProviderService) {}

  @Get(':id/identity-provider')
  @Authenticated({ permission: Permission.IdentityProviderRead })
  @ApiOkResponse({ type: IdentityProviderResponseDto })
  getIdentityProvider(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<IdentityProviderResponseDto> {
    return this.service.get(auth, id);
  }

  @Put(':id/identity-provider')
  @Authenticated({ permission: Permission.IdentityProviderManage })
  @ApiOkResponse({ type: IdentityProviderResponseDto })
  @ApiResponse({ status: 409, description: 'Stale version, or an email domain another district holds' })
  putIdentityProvider(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @Body() dto: PutIdentityProviderDto,
  ): Promise<IdentityProviderResponseDto> {
    return this.service.put(auth, id, dto);
  }
}
