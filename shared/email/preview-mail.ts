import { RuleViolationError } from '../errors.js';
import { EventNotFoundError, MailTemplateInvalidError } from '../events/event-errors.js';
import type { EventsRepository, StoredEvent } from '../events/events-repository.js';
import { InvitationNotFoundError } from '../invitations/invitation-errors.js';
import type { StoredInvitation } from '../invitations/invitations-repository.js';
import type { RateLimiter, RateLimitRule } from '../rate-limits/rate-limiter.js';
import { defaultUnion, type UnionSigner } from './mail-layout.js';
import type { Unit } from '../units/unit-schema.js';
import { mailIdentityOf } from '../units/unit-signer.js';
import { renderInvitationEmail, type EventNoticeDetails, type InvitationMailData } from './invitation-templates.js';
import { eventMailTemplatesSchema, type EventMailTemplates } from './mail-template-schema.js';
import type { MailPreviewInput } from './mail-preview-schema.js';
import type { Mailer, OutgoingEmail } from './mailer.js';
import { describeTemplateProblem, findTemplateProblems } from './template-problems.js';

/**
 * A mail as one invitee would receive it, before anything is sent: an organiser's draft template
 * (unsaved), or an event notice with its reason or note. The link is a stand-in: a preview never
 * shows someone's real personal link.
 */
export { previewKinds, mailPreviewSchema, type PreviewKind, type MailPreviewInput } from './mail-preview-schema.js';

export type MailPreviewDeps = {
  events: Pick<EventsRepository, 'findById'>;
  findInvitation: (eventId: string, invitationId: string) => Promise<StoredInvitation | undefined>;
  publicUrl: string;
  /** The event's unit: a preview signs as the sent mail does (deliver-outbox-message.ts). */
  unitFor?: (unitId: string | undefined) => Promise<Unit | undefined>;
  union?: UnionSigner;
};

export type MailPreview = { to: string; language: 'vi' | 'en'; subject: string; text: string; html: string; attachments: string[] };

const sample = { vi: { name: 'Nguyễn Văn An', email: 'an.nv@example.org' }, en: { name: 'Jane Smith', email: 'jane.smith@example.org' } };

function templatesFor(event: StoredEvent, input: MailPreviewInput): EventMailTemplates | undefined {
  if (!input.templates || (input.kind !== 'invitation' && input.kind !== 'reminder')) return event.mailTemplates;
  const drafted = { ...event.mailTemplates, [input.kind]: input.templates };
  const problems = findTemplateProblems(drafted).filter((p) => p.kind === input.kind);
  if (problems.length > 0) throw new MailTemplateInvalidError(problems, describeTemplateProblem(problems[0]!));
  return eventMailTemplatesSchema.parse(drafted);
}

async function render(deps: MailPreviewDeps, eventId: string, input: MailPreviewInput): Promise<{ mail: OutgoingEmail; language: 'vi' | 'en'; attachments: string[] }> {
  const event = await deps.events.findById(eventId);
  if (!event) throw new EventNotFoundError();
  const invitation = input.invitationId ? await deps.findInvitation(eventId, input.invitationId) : undefined;
  if (input.invitationId && !invitation) throw new InvitationNotFoundError();
  const language = input.language ?? invitation?.language ?? 'vi';
  const seat = invitation?.response === 'confirmed';
  let notice: EventNoticeDetails | undefined;
  const attachments: string[] = [];
  if (input.kind === 'event_cancelled' || input.kind === 'event_changed') {
    const cancelling = input.kind === 'event_cancelled';
    notice = {
      reason: cancelling ? input.reason : undefined,
      note: cancelling ? undefined : input.note,
      previous: cancelling ? undefined : event.scheduleChange?.previous,
      calendar: seat ? (cancelling ? 'cancel' : 'update') : undefined,
    };
    if (seat) attachments.push(language === 'vi' ? 'su-kien.ics' : 'event.ics');
  }
  const data: InvitationMailData = {
    to: invitation?.email ?? sample[language].email,
    language,
    salutation: invitation?.salutation,
    addressForm: event.addressForm,
    name: invitation?.name ?? sample[language].name,
    event,
    link: `${deps.publicUrl}/r/${language === 'vi' ? 'duong-dan-rieng-cua-khach-moi' : 'the-invitees-personal-link'}`,
    replyTo: event.contact?.email,
    notice,
  };
  const identity = mailIdentityOf(await deps.unitFor?.(event.unitId), deps.union ?? defaultUnion);
  data.union = identity.signer;
  data.host = identity.host;
  return { mail: renderInvitationEmail(data, templatesFor(event, input), input.kind), language, attachments };
}

export async function previewMail(deps: MailPreviewDeps, eventId: string, input: MailPreviewInput): Promise<MailPreview> {
  const { mail, language, attachments } = await render(deps, eventId, input);
  return { to: mail.to, language, subject: mail.subject, text: mail.text, html: mail.html, attachments };
}

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
  const { mail, language } = await render(deps, eventId, input).catch(async (error: unknown) => {
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
