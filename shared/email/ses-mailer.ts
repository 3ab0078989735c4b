import { GetAccountCommand, SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import { singleLine, type Mailer } from './mailer.js';

export function createSesMailer(
  ses: SESv2Client,
  settings: { from: string; configurationSet?: string },
): Mailer {
  return {
    async send(email) {
      const result = await ses.send(
        new SendEmailCommand({
          FromEmailAddress: settings.from,
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
        await ses.send(new GetAccountCommand({}));
        return true;
      } catch {
        return false;
      }
    },
  };
}
