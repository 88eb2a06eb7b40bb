import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, ValidateNested } from 'class-validator';
import type { ListSpec } from '../../common/pagination/list-query.js';
import { plainSearch } from '../../common/pagination/search.js';
import { ValidateEnum, ValidateString } from '../../common/validation/decorators.js';
import { EMAIL_CHOICES, type EmailChoice } from './email.entity.js';
import { EMAIL_KINDS } from './email.js';

const KINDS = EMAIL_KINDS.map((k) => k.kind);

export class EmailChoiceDto {
  @ValidateEnum(KINDS, 'NotificationKind') kind!: string;
  /** immediate: one email each; daily: one digest a day (07:00 UTC); off: only the bell in the console. */
  @ValidateEnum(EMAIL_CHOICES, 'EmailChoice') email!: EmailChoice;
}

export class PutNotificationSettingsDto {
  /** The kinds to change; kinds left out keep their choice. */
  @ApiProperty({ type: [EmailChoiceDto] })
  @IsArray()
  @ArrayMaxSize(KINDS.length)
  @ValidateNested({ each: true })
  @Type(() => EmailChoiceDto)
  settings!: EmailChoiceDto[];
}

export class NotificationSettingDto {
  @ApiProperty({ enum: KINDS, enumName: 'NotificationKind' }) kind!: string;
  /** What the kind is about, in words for the settings page. */
  @ApiProperty() label!: string;
  @ApiProperty({ enum: EMAIL_CHOICES, enumName: 'EmailChoice' }) email!: EmailChoice;
}

export class NotificationSettingsDto {
  /**
   * Whether this installation sends email at all (`false`: production without SMTP_URL; the choices are kept
   * for when it does).
   */
  @ApiProperty() emailEnabled!: boolean;
  @ApiProperty({ type: [NotificationSettingDto] }) settings!: NotificationSettingDto[];
}

export class UnsubscribeQueryDto {
  /** From the link in the email. */
  @ValidateString({ maxLength: 200 }) token!: string;
}

export const OUTBOX_LIST: ListSpec = {
  resource: 'email-outbox',
  idColumn: 'o.id',
  sort: { createdAt: 'o.created_at', toAddress: 'o.to_address', subject: 'o.subject' },
  defaultSort: ['createdAt', 'DESC'],
  filters: {},
  search: plainSearch('o.to_address', 'o.subject'),
};

export class OutboxMessageDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() toAddress!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() text!: string;
  @ApiProperty() html!: string;
  /** List-Unsubscribe and List-Unsubscribe-Post, as an SMTP server would receive them. */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) headers!: Record<string, string>;
  @ApiProperty() messageId!: string;
  @ApiProperty() createdAt!: string;
}
