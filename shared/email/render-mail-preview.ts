import { EventNotFoundError, MailTemplateInvalidError } from '../events/event-errors.js';
import type { EventsRepository, StoredEvent } from '../events/events-repository.js';
import { InvitationNotFoundError } from '../invitations/invitation-errors.js';
import type { StoredInvitation } from '../invitations/invitations-repository.js';
import { defaultUnion, type UnionSigner } from './mail-layout.js';
import type { Unit } from '../units/unit-schema.js';
import { mailIdentityOf } from '../units/unit-signer.js';
import { renderInvitationEmail, type EventNoticeDetails, type InvitationMailData } from './invitation-templates.js';
import { eventMailTemplatesSchema, type EventMailTemplates } from './mail-template-schema.js';
import type { MailPreviewInput } from './mail-preview-schema.js';
import type { OutgoingEmail } from './mailer.js';
import { describeTemplateProblem, findTemplateProblems } from './template-problems.js';

/**
 * A mail as one invitee would receive it, before anything is sent: an organiser's draft template
 * (unsaved), or an event notice with its reason or note. The link is a stand-in: a preview never
 * shows someone's real personal link.
 */
export type MailPreviewDeps = {
  events: Pick<EventsRepository, 'findById'>;
  findInvitation: (eventId: string, invitationId: string) => Promise<StoredInvitation | undefined>;
  publicUrl: string;
  /** The event's unit: a preview signs as the sent mail does (deliver-outbox-message.ts). */
  unitFor?: (unitId: string | undefined) => Promise<Unit | undefined>;
  union?: UnionSigner;
};

const sample = { vi: { name: 'Nguyễn Văn An', email: 'an.nv@example.org' }, en: { name: 'Jane Smith', email: 'jane.smith@example.org' } };

function templatesFor(event: StoredEvent, input: MailPreviewInput): EventMailTemplates | undefined {
  if (!input.templates || (input.kind !== 'invitation' && input.kind !== 'reminder')) return event.mailTemplates;
  const drafted = { ...event.mailTemplates, [input.kind]: input.templates };
  const problems = findTemplateProblems(drafted).filter((p) => p.kind === input.kind);
  if (problems.length > 0) throw new MailTemplateInvalidError(problems, describeTemplateProblem(problems[0]!));
  return eventMailTemplatesSchema.parse(drafted);
}

export async function renderPreviewedMail(deps: MailPreviewDeps, eventId: string, input: MailPreviewInput): Promise<{ mail: OutgoingEmail; language: 'vi' | 'en'; attachments: string[] }> {
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
