import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from './auth-context.js';
import { LoginDto, LoginResponseDto, SessionUserDto, SetPasswordDto } from './auth.dto.js';
import { AuthService, toSessionUser } from './auth.service.js';
import { Auth, Authenticated, Public } from './authenticated.decorator.js';
import { Permission } from './permissions.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly service: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @RouteConfig({ loginRateLimit: true })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiResponse({ status: 401, description: 'Wrong email or password' })
  @ApiResponse({
    status: 429,
    description: 'Too many attempts from this address, or too many failures on this account (see Retry-After)',
  })
  login(@Body() dto: LoginDto): Promise<LoginResponseDto> {
    return this.service.login(dto);
  }

  @Get('me')
  @Authenticated({ permission: Permission.SessionRead })
  @ApiOkResponse({ type: SessionUserDto })
  getMe(@Auth() auth: AuthContext): SessionUserDto {
    return toSessionUser(auth);
  }

  /** Redeems a one-time set-password link. */
  @Post('set-password')
  @Public()
  @HttpCode(204)
  @ApiResponse({ status: 204, description: 'Password set; sign in with it' })
  async setPassword(@Body() dto: SetPasswordDto): Promise<void> {
    await this.service.setPassword(dto);
  }
}
