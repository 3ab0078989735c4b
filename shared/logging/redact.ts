/**
 * Personal links (`/r/<token>`, `/api/r/<token>`) and bare link or session tokens (32 bytes in
 * base64url: 43 characters; an addressed link's token: 54, shared/invitations/link-tokens.ts)
 * opened someone's answers and, for a delegation member, their passport data. No log line carries
 * one: every log call passes its text through here.
 */
const LINK_PATH = /(\/r\/)(?!:)[^/?#\s"'\\]+/g;
const TOKEN = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?:[A-Za-z0-9_-]{11})?(?![A-Za-z0-9_-])/g;

export function redactSecrets(text: string): string {
  return text.replace(LINK_PATH, '$1[redacted]').replace(TOKEN, '[redacted]');
}

/** An error as a log field: name, message and stack, each redacted. */
export function describeError(error: unknown): Record<string, string> {
  if (error instanceof Error) {
    return { name: error.name, message: redactSecrets(error.message), ...(error.stack ? { stack: redactSecrets(error.stack) } : {}) };
  }
  return { value: redactSecrets(String(error)) };
}

/** `String(error)`, redacted: for log lines that carry an error as one string. */
export const errorText = (error: unknown): string => redactSecrets(String(error));
