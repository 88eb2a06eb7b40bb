import { Body, Controller, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../auth/authenticated.decorator.js';
import type { AppConfig } from '../../config/config.js';
import { APP_CONFIG } from '../../config/config.js';
import {
  DiscoverQueryDto,
  DiscoverResponseDto,
  ExchangeSsoDto,
  SsoLoginResponseDto,
  StartSsoDto,
  StartSsoResponseDto,
} from './sso.dto.js';
import { SsoService } from './sso.service.js';

/** The cookie that binds a sign-in in flight to the browser that started it. */
export const BINDING_COOKIE = 'emerge_sso';
const COOKIE_PATH = '/api/auth/sso';

function cookieOf(request: FastifyRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/** Single sign-on through the district's OpenID Connect provider (see docs/sso.md). */
@ApiTags('auth')
@Controller('auth')
export class SsoController {
  constructor(
    private readonly service: SsoService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** How this email's district signs in: the answer depends on the email's domain only. */
  @Get('discover')
  @Public()
  @ApiOkResponse({ type: DiscoverResponseDto })
  discoverSignIn(@Query() { email }: DiscoverQueryDto): Promise<DiscoverResponseDto> {
    return this.service.discover(email);
  }

  /** Starts a single sign-on: sets the browser-binding cookie and answers the provider URL to go to. */
  @Post('sso/start')
  @Public()
  @HttpCode(200)
  @RouteConfig({ loginRateLimit: true })
  @ApiOkResponse({ type: StartSsoResponseDto })
  @ApiResponse({ status: 400, description: 'The email’s district has no single sign-on' })
  @ApiResponse({ status: 502, description: 'The district’s provider cannot be reached' })
  async startSso(
    @Body() { email }: StartSsoDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StartSsoResponseDto> {
    const { authorizationUrl, binding } = await this.service.start(email, cookieOf(request, BINDING_COOKIE));
    const secure = this.config.publicUrl.startsWith('https:') ? '; Secure' : '';
    // Lax: sent on the provider's top-level redirect back to the callback, not on cross-site sub-requests.
    void reply.header(
      'Set-Cookie',
      `${BINDING_COOKIE}=${binding}; Path=${COOKIE_PATH}; Max-Age=600; HttpOnly; SameSite=Lax${secure}`,
    );
    void reply.header('Cache-Control', 'no-store');
    return { authorizationUrl };
  }

  /** Where the provider sends the browser back; answers a redirect to the console (a ticket, or the refusal). */
  @Get('sso/callback')
  @Public()
  @RouteConfig({ loginRateLimit: true })
  @ApiResponse({ status: 303, description: 'To the console: `#/sso?ticket=…`, or `#/login?sso_error=<reason>`' })
  async ssoCallback(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
    const location = await this.service.callback(query, cookieOf(request, BINDING_COOKIE));
    await reply.status(303).header('Location', location).header('Cache-Control', 'no-store').send();
  }

  /** Trades the callback's one-time ticket (same browser, within a minute) for the session token. */
  @Post('sso/exchange')
  @Public()
  @HttpCode(200)
  @RouteConfig({ loginRateLimit: true })
  @ApiOkResponse({ type: SsoLoginResponseDto })
  @ApiResponse({ status: 400, description: 'Unknown, used or expired ticket, or another browser' })
  exchangeSsoTicket(@Body() { ticket }: ExchangeSsoDto, @Req() request: FastifyRequest): Promise<SsoLoginResponseDto> {
    return this.service.exchange(ticket, cookieOf(request, BINDING_COOKIE));
  }
}
