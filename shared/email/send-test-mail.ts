import { RuleViolationError } from '../errors.js';
import type { RateLimiter, RateLimitRule } from '../rate-limits/rate-limiter.js';
import type { MailPreviewInput } from './mail-preview-schema.js';
import type { Mailer } from './mailer.js';
import { renderPreviewedMail, type MailPreviewDeps } from './render-mail-preview.js';

/** Test mails: a few per organiser at a time, enough to check a template, never a mailing. */
export const testMailLimit: RateLimitRule = { name: 'test-mail', limit: 5, windowSeconds: 10 * 60 };

export class NoAddressForTestError extends RuleViolationError {
  constructor() {
    super('test_mail_no_address', { vi: 'Tài khoản của bạn không có địa chỉ email.', en: 'Your account has no email address.' });
  }
}

/**
 * Sends the previewed mail to the organiser's own address, through the real mailer, marked as a
 * test in its subject. Limited per account (testMailLimit).
 */
export async function sendTestMail(
  deps: MailPreviewDeps & { mailer: Mailer; rateLimiter: RateLimiter },
  eventId: string,
  user: { userId: string; email?: string },
  input: MailPreviewInput,
): Promise<{ to: string }> {
  if (!user.email) throw new NoAddressForTestError();
  // Counted first (an atomic add); a test that could not be rendered gives its use back.
  const use = await deps.rateLimiter.take(testMailLimit, user.userId);
  const { mail, language } = await renderPreviewedMail(deps, eventId, input).catch(async (error: unknown) => {
    await use.release();
    throw error;
  });
  await deps.mailer.send({
    ...mail,
    to: user.email,
    subject: `${language === 'vi' ? '[Thư thử]' : '[Test]'} ${mail.subject}`,
    attachments: undefined,
  });
  return { to: user.email };
}
