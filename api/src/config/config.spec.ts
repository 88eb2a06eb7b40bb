import { describe, expect, it } from '@jest/globals';
import { loadConfig } from './config.js';

describe('mail configuration', () => {
  const secret = 'x'.repeat(40);
  it('sends through SMTP_URL when set, keeps an outbox in development, and is off in production without it', () => {
    expect(loadConfig({ SMTP_URL: 'smtp://relay.test:25' }).mail.transport).toBe('smtp');
    expect(loadConfig({}).mail.transport).toBe('outbox');
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret }).mail.transport).toBe('off');
    expect(
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret, SMTP_URL: 'smtps://u:p@smtp.test:465' }).mail.transport,
    ).toBe('smtp');
  });

  it('writes from no-reply at PUBLIC_URL’s host unless MAIL_FROM says otherwise', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://emerge.riverbend.test' }).mail.from).toBe(
      'Emerge <no-reply@emerge.riverbend.test>',
    );
    expect(loadConfig({ MAIL_FROM: 'HR <hr@riverbend.test>' }).mail.from).toBe('HR <hr@riverbend.test>');
  });

  it('names a malformed SMTP_URL', () => {
    expect(() => loadConfig({ SMTP_URL: 'http://relay.test' })).toThrow(
      /SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/,
    );
  });
});
