import type { Mailer, OutgoingEmail } from '../../shared/email/mailer.js';

/** Route tests read what would have been mailed; the running product always uses SES. */
export class RecordingMailer implements Mailer {
  readonly sent: OutgoingEmail[] = [];
  reachable = true;
  async send(email: OutgoingEmail) {
    this.sent.push(email);
    return { messageId: `test-${this.sent.length}` };
  }
  async isReachable() {
    return this.reachable;
  }
  to(address: string): OutgoingEmail[] {
    return this.sent.filter((mail) => mail.to === address);
  }
}
