import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '../../auth/access/access.service.js';
import type { AuthContext } from '../../auth/auth-context.js';
import { Permission } from '../../auth/permissions.js';
import { applyPutRules } from '../../common/crud/put-rules.js';
import { AppError, FieldErrors } from '../../common/errors/app-error.js';
import { ErrorCode } from '../../common/errors/error-code.js';
import type { AppConfig } from '../../config/config.js';
import { APP_CONFIG } from '../../config/config.js';
import {
  IdentityProviderResponseDto,
  PutIdentityProviderDto,
  toIdentityProviderResponse,
} from './identity-provider.dto.js';
import { IdentityProviderEntity } from './identity-provider.entity.js';
import { IdentityProviderRepository } from './identity-provider.repository.js';
import { OidcClientService } from './oidc-client.service.js';
import { SECRET_BOX, SecretBox } from './secret-box.js';

export const CALLBACK_PATH = '/api/auth/sso/callback';

/** A district's single sign-on configuration: hr for their own district, platform_admin for any. */
@Injectable()
export class IdentityProviderService {
  constructor(
    private readonly access: AccessService,
    private readonly providers: IdentityProviderRepository,
    private readonly oidc: OidcClientService,
    private readonly db: DataSource,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get redirectUri(): string {
    return `${this.config.publicUrl}${CALLBACK_PATH}`;
  }

  async get(auth: AuthContext, districtId: string): Promise<IdentityProviderResponseDto> {
    await this.access.require(auth, Permission.IdentityProviderRead, [districtId], 'District');
    const { row, domains } = await this.providers.find(districtId);
    return toIdentityProviderResponse(districtId, row, domains, this.redirectUri);
  }

  async put(auth: AuthContext, districtId: string, dto: PutIdentityProviderDto): Promise<IdentityProviderResponseDto> {
    await this.access.require(auth, Permission.IdentityProviderManage, [districtId], 'District');
    const domains = [...new Set(dto.emailDomains.map((d) => d.toLowerCase()))];
    this.validate(dto, domains);
    return this.db.transaction(async (m) => {
      const { row, domains: current } = await this.providers.find(districtId, m, true);
      applyPutRules(dto, {
        ...toIdentityProviderResponse(districtId, row, current, this.redirectUri),
        version: row?.version ?? 0,
      } as unknown as Record<string, unknown> & { version: number });
      if (!dto.clientSecret && !row?.clientSecretCiphertext) {
        throw AppError.validation({ clientSecret: 'clientSecret is required the first time (the provider issues it)' });
      }
      const taken = await this.providers.domainsOfOthers(m, districtId, domains);
      if (taken.length > 0) {
        throw new AppError(ErrorCode.UniqueViolation, 'These email domains belong to another district', {
          emailDomains: `Another district's identity provider already answers for ${taken.join(', ')}`,
        });
      }
      const next = row ?? Object.assign(new IdentityProviderEntity(), { districtId });
      Object.assign(next, {
        enabled: dto.enabled,
        displayName: dto.displayName,
        // Exactly as given: discovery compares it with the provider's `issuer`, character for character.
        issuerUrl: dto.issuerUrl,
        clientId: dto.clientId,
        hostedDomain: dto.hostedDomain ? dto.hostedDomain.toLowerCase() : null,
        tenantId: dto.tenantId ? dto.tenantId.toLowerCase() : null,
        passwordSignInAllowed: dto.passwordSignInAllowed,
      });
      if (dto.clientSecret) next.clientSecretCiphertext = this.box.seal(dto.clientSecret, districtId);
      const saved = await this.providers.save(m, next);
      // The domains after the row: their foreign key needs it.
      await this.providers.replaceDomains(m, districtId, domains);
      return toIdentityProviderResponse(districtId, saved, domains, this.redirectUri);
    });
  }

  private validate(dto: PutIdentityProviderDto, domains: string[]): void {
    const errors: FieldErrors = {};
    let issuer: URL | undefined;
    try {
      issuer = new URL(dto.issuerUrl);
    } catch {
      errors.issuerUrl = 'issuerUrl must be a URL such as https://accounts.google.com';
    }
    if (issuer && (issuer.search || issuer.hash || issuer.username || issuer.password)) {
      errors.issuerUrl = 'issuerUrl is the issuer identifier: no query, fragment or credentials';
    } else if (issuer && issuer.protocol !== 'https:' && !this.oidc.insecureAllowed(issuer)) {
      errors.issuerUrl = 'issuerUrl must use https';
    }
    if (dto.hostedDomain && !domains.includes(dto.hostedDomain.toLowerCase())) {
      errors.hostedDomain = 'hostedDomain must be one of emailDomains';
    }
    if (!dto.enabled && !dto.passwordSignInAllowed) {
      errors.passwordSignInAllowed = 'Keep password sign-in while single sign-on is off, or nobody could sign in';
    }
    if (Object.keys(errors).length > 0) throw AppError.validation(errors);
  }
}
