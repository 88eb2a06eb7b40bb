import { Module } from '@nestjs/common';
import { JWT_SECRET } from '../../auth/jwt-secret.js';
import type { AppConfig } from '../../config/config.js';
import { APP_CONFIG } from '../../config/config.js';
import { IdentityProviderController } from './identity-provider.controller.js';
import { IdentityProviderRepository } from './identity-provider.repository.js';
import { IdentityProviderService } from './identity-provider.service.js';
import { OidcClientService } from './oidc-client.service.js';
import { SECRET_BOX, SecretBox } from './secret-box.js';
import { SsoController } from './sso.controller.js';
import { SsoRepository } from './sso.repository.js';
import { SsoService } from './sso.service.js';

@Module({
  controllers: [IdentityProviderController, SsoController],
  providers: [
    IdentityProviderService,
    IdentityProviderRepository,
    OidcClientService,
    SsoService,
    SsoRepository,
    {
      provide: SECRET_BOX,
      inject: [APP_CONFIG, JWT_SECRET],
      useFactory: (config: AppConfig, jwtSecret: string) => new SecretBox(config.ssoSecretKey ?? jwtSecret),
    },
  ],
})
export class SsoModule {}
