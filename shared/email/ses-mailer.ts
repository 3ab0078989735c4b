import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { singleLine, type Mailer } from './mailer.js';

/**
 * SES behind the Mailer port. The client may be handed over loaded, or as a loader that is called
 * on the first mail (shared/aws/ses-client.ts `loadSesClient`): the API sends mail rarely (a
 * set-password link), so its cold start need not load the SES client at all. The SDK's commands
 * are imported the same way, when first used.
 */
export function createSesMailer(
  client: SESv2Client | (() => Promise<SESv2Client>),
  settings: { from: string; configurationSet?: string },
): Mailer {
  const connect = async () => {
    const [ses, { GetAccountCommand, SendEmailCommand }] = await Promise.all([
      typeof client === 'function' ? client() : client,
      import('@aws-sdk/client-sesv2'),
    ]);
    return { ses, GetAccountCommand, SendEmailCommand };
  };
  return {
    async send(email) {
      const { ses, SendEmailCommand } = await connect();
      const from = email.fromName ? withDisplayName(settings.from, email.fromName) : settings.from;
      if (email.attachments?.length) {
        // Simple content takes Attachments too, but the emulator stores those as given, proving
        // nothing about the mail a reader gets. A MIME message of our own (Raw) is the same bytes
        // in SES and in the emulator, which reads it with a real MIME parser.
        const { buildMimeMessage } = await import('./mime-message.js');
        const raw = buildMimeMessage({ ...email, from });
        const result = await ses.send(
          new SendEmailCommand({
            FromEmailAddress: encodeDisplayName(from),
            Destination: { ToAddresses: [email.to] },
            ConfigurationSetName: settings.configurationSet,
            Content: { Raw: { Data: Buffer.from(raw, 'ascii') } },
          }),
        );
        return { messageId: result.MessageId ?? '' };
      }
      const result = await ses.send(
        new SendEmailCommand({
          FromEmailAddress: encodeDisplayName(from),
          Destination: { ToAddresses: [email.to] },
          ReplyToAddresses: email.replyTo ? [email.replyTo] : undefined,
          ConfigurationSetName: settings.configurationSet,
          Content: {
            Simple: {
              Subject: { Data: singleLine(email.subject), Charset: 'UTF-8' },
              Body: {
                Text: { Data: email.text, Charset: 'UTF-8' },
                Html: { Data: email.html, Charset: 'UTF-8' },
              },
            },
          },
        }),
      );
      return { messageId: result.MessageId ?? '' };
    },

    async isReachable() {
      try {
        const { ses, GetAccountCommand } = await connect();
        await ses.send(new GetAccountCommand({}));
        return true;
      } catch {
        return false;
      }
    },
  };
}

/**
 * SES refuses a non-ASCII display name ("Hữu Nghị Events <no-reply@…>") unless it is encoded as
 * RFC 2047 says; the address itself stays as it is.
 */
export function encodeDisplayName(from: string): string {
  const match = from.match(/^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/);
  if (!match || /^[\x20-\x7e]*$/.test(match[1]!)) return from;
  return `=?UTF-8?B?${Buffer.from(match[1]!.normalize('NFC'), 'utf8').toString('base64')}?= <${match[2]}>`;
}

/** The same address under another display name (an association's), quotes and line breaks removed. */
export function withDisplayName(from: string, name: string): string {
  const address = from.match(/<([^>]+)>\s*$/)?.[1] ?? from.trim();
  return `${singleLine(name).replace(/["<>\\]/g, '')} <${address}>`;
}
