import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { JWT_SECRET } from '../../auth/jwt-secret.js';
import type { AppConfig } from '../../config/config.js';
import { APP_CONFIG } from '../../config/config.js';
import { MailComposer, type OutgoingMail, UnsubscribeTokens } from './email.js';

/** Carries Emerge's email: to the district's SMTP server, to the development outbox, or (production, no SMTP) nowhere. */
@Injectable()
export class MailerService implements OnModuleInit, OnApplicationShutdown {
  private readonly log = new Logger('Email');
  readonly tokens: UnsubscribeTokens;
  readonly composer: MailComposer;
  private readonly transporter: Transporter | null;

  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(JWT_SECRET) jwtSecret: string,
  ) {
    this.tokens = new UnsubscribeTokens(jwtSecret);
    this.composer = new MailComposer(config.publicUrl, this.tokens);
    this.transporter = config.mail.smtpUrl ? nodemailer.createTransport(config.mail.smtpUrl) : null;
  }

  get enabled(): boolean {
    return this.config.mail.transport !== 'off';
  }

  onModuleInit(): void {
    const { transport } = this.config.mail;
    if (transport === 'off')
      this.log.warn('Email is off: SMTP_URL is not set (NODE_ENV=production); the bell still works');
    else if (transport === 'outbox')
      this.log.log('Email goes to the outbox (no SMTP_URL): platform_admin reads it in the console');
    else this.log.log(`Email goes out through SMTP (${new URL(this.config.mail.smtpUrl!).host})`);
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
  }

  readonly send = async (mail: OutgoingMail): Promise<void> => {
    if (this.transporter) {
      await this.transporter.sendMail({
        from: this.config.mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        headers: mail.headers,
      });
      return;
    }
    if (!this.enabled) return;
    await this.db.query(
      `INSERT INTO email_outbox (user_id, to_address, subject, text, html, headers, message_id)
       VALUES ($1, $2, left($3, 300), $4, $5, $6::jsonb, $7) ON CONFLICT (message_id) DO NOTHING`,
      [mail.userId, mail.to, mail.subject, mail.text, mail.html, JSON.stringify(mail.headers), mail.messageId],
    );
  };
}
