import type { Field } from '../../shared/events/event-schema.js';
import type { OpenedInvitation } from '../../shared/invitations/open-invitation.js';
import type { DetailsIssue } from '../../shared/registrations/registration-errors.js';
import { ApiError } from '../lib/api-client.js';
import type { Language } from '../lib/i18n.js';

/**
 * The personal link's API (docs/api/API.md, "Answering an invitation"), with nothing else: the console's
 * client brings session handling this page has no use for. Types only come from shared/, so no
 * zod reaches the bundle.
 */
export type Invitation = OpenedInvitation;
export type { Field };
export type Response = Invitation['response'];
export type Details = Record<string, string>;
export type Answered = { response: Response; details?: Details; warnings?: { message: string }[] };

/** An error answer `{ error, message, details? }`; status 0 and `network` when nothing came back. */
export class AnswerError extends ApiError {
  /** The per-field problems of a 422 details_invalid. */
  get issues(): DetailsIssue[] {
    const issues = (this.details as { issues?: unknown } | undefined)?.issues;
    return Array.isArray(issues) ? (issues as DetailsIssue[]) : [];
  }

  /** The problems of a 422 details_invalid by field key, leaving out `unknown_field` (no input to mark). */
  get problemsByField(): Record<string, Exclude<DetailsIssue['problem'], 'unknown_field'>> {
    const problems: Record<string, Exclude<DetailsIssue['problem'], 'unknown_field'>> = {};
    for (const issue of this.issues) if (issue.problem !== 'unknown_field') problems[issue.field] ??= issue.problem;
    return problems;
  }
}

/** What a failed request says to the reader, in page-messages.ts's words when the server said nothing. */
export function failureSaid(error: AnswerError): { key: 'network' } | { text: string } | { key: 'unexpected'; params: { status: number } } {
  return error.status === 0 ? { key: 'network' } : error.message ? { text: error.message } : { key: 'unexpected', params: { status: error.status } };
}

/** One request to `/api/<path>`; the delegation view (delegation.ts) uses it for its own routes. */
export async function call<T>(language: Language, method: string, path: string, body?: unknown): Promise<T> {
  let response: globalThis.Response;
  try {
    response = await fetch(`/api/${path}`, {
      method,
      headers: { Accept: 'application/json', 'Accept-Language': language, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    throw new AnswerError(0, 'network', '');
  }
  // A removal answers 204 with no body.
  if (response.status === 204) return undefined as T;
  let json: { error?: string; message?: string; details?: unknown } | undefined;
  try {
    json = (await response.json()) as typeof json;
  } catch {
    json = undefined;
  }
  if (!response.ok || !json) throw new AnswerError(response.status, json?.error ?? 'unexpected', json?.message ?? '', json?.details);
  return json as T;
}

export type AnswerApi = ReturnType<typeof answerApi>;

export function answerApi(token: string, language: () => Language) {
  const path = `r/${encodeURIComponent(token)}`;
  return {
    open: () => call<Invitation>(language(), 'GET', path),
    accept: (details: Details, consent?: { version: string }) =>
      call<Answered>(language(), 'POST', `${path}/accept`, { details, ...(consent ? { consent } : {}) }),
    change: (details: Record<string, string | null>, consent?: { version: string }) =>
      call<Answered>(language(), 'PATCH', path, { details, ...(consent ? { consent } : {}) }),
    decline: (reason: string) => call<Answered>(language(), 'POST', `${path}/decline`, reason ? { reason } : {}),
    withdraw: () => call<Answered>(language(), 'POST', `${path}/withdraw`, {}),
    /** Open registration: opening the mailed link confirms the address, which takes the place. */
    confirmEmail: () => call<Answered>(language(), 'POST', `${path}/confirm-email`, {}),
  };
}
