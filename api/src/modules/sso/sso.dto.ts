import { ApiProperty } from '@nestjs/swagger';
import { LoginResponseDto } from '../../auth/auth.dto.js';
import { ValidateEmail, ValidateString } from '../../common/validation/decorators.js';

export class DiscoverQueryDto {
  @ValidateEmail()
  email!: string;
}

export class DiscoverProviderDto {
  /** For the button: "Continue with <providerName>". */
  @ApiProperty() providerName!: string;
}

/** How the email's district signs in, decided by the email's domain (it does not say whether the email exists). */
export class DiscoverResponseDto {
  /** Whether the password form applies (a platform administrator always keeps a password). */
  @ApiProperty() password!: boolean;
  /** The district's identity provider, or null when it signs in with passwords only. */
  @ApiProperty({ type: DiscoverProviderDto, nullable: true }) sso!: DiscoverProviderDto | null;
}

export class StartSsoDto {
  @ValidateEmail()
  email!: string;
}

export class StartSsoResponseDto {
  /** Send the browser here; the provider comes back to /api/auth/sso/callback. */
  @ApiProperty() authorizationUrl!: string;
}

export class ExchangeSsoDto {
  /** The one-time ticket the callback put in the console's address (`#/sso?ticket=…`). */
  @ValidateString({ maxLength: 100 })
  ticket!: string;
}

export class SsoLoginResponseDto extends LoginResponseDto {
  /** The provider's end-session URL, to offer at sign-out (null when the provider has none). */
  @ApiProperty({ type: String, nullable: true }) endSessionUrl!: string | null;
}
