/** What the use cases need of a mail service; SES in the product, a recorder in route tests. */
export type OutgoingEmail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  replyTo?: string;
  /** The display name of the From (the unit running the event); the configured sender's otherwise. */
  fromName?: string;
  /** Files sent with the mail; an inline one is shown in the HTML by `<img src="cid:contentId">`. */
  attachments?: EmailAttachment[];
};

export type EmailAttachment = {
  filename: string;
  /** A MIME type with optional parameters, e.g. `text/calendar; method=PUBLISH`. */
  contentType: string;
  content: Uint8Array;
  inline?: boolean;
  /** Without angle brackets, e.g. `check-in-qr@huu-nghi.events`. */
  contentId?: string;
};

export type Mailer = {
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
  /** True when the mail service answers; used by /api/health. */
  isReachable(): Promise<boolean>;
};

/** Escapes text for an HTML body, so a name like `<b>` or `"` stays text. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A header value on one line: a name with a line break can never add a header. */
export function singleLine(value: string): string {
  return value.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();
}
