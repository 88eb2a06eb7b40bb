import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../../auth/authenticated.decorator.js';
import { AppError } from '../../common/errors/app-error.js';
import { ErrorCode } from '../../common/errors/error-code.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
  ) {}

  /** Public. 200 when the database answers; 503 in the error shape when it does not. */
  @Get()
  @Public()
  @HealthCheck()
  @ApiOkResponse({ description: 'Up: {status: "ok", info: {database: {status: "up"}}}' })
  @ApiResponse({ status: 503, description: 'The database is down' })
  async getHealth(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([() => this.db.pingCheck('database', { timeout: 2000 })]);
    } catch {
      throw new AppError(ErrorCode.DatabaseUnavailable, 'The database is unavailable', { database: 'down' });
    }
  }
}

/** `GET /api`: where to go from here, for a person or a client that found the server. */
@ApiTags('health')
@Controller()
export class IndexController {
  /** Public. Links to the API reference and the health check. */
  @Get()
  @Public()
  @ApiOkResponse({ description: '{name, docs, openapi, health, console}: links relative to the server' })
  getIndex() {
    return {
      name: 'Emerge API',
      docs: '/api/docs',
      openapi: '/api/docs-json',
      health: '/api/health',
      console: '/',
    };
  }
}
