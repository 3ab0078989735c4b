import type { z } from 'zod';
import { ApiError } from './api-client.js';
import { errorText } from './error-text.js';

/**
 * Field errors keyed by the path the API uses ("title.vi", "fields.2.key", "startsAt"), so that a
 * problem found in the browser and one reported by the API land on the same input. The key ""
 * holds a problem with the form as a whole.
 */
export type FieldErrors = Record<string, string>;

/** Puts a message into the user's language when it is one of the fixed sentences of a schema. */
export type MessageTranslator = (message: string) => string;
const asIs: MessageTranslator = (message) => message;

export function pathKey(path: readonly PropertyKey[] | string): string {
  return typeof path === 'string' ? path : path.map(String).join('.');
}

/** The first problem of each field. */
export function errorsFromIssues(
  issues: readonly { path: readonly PropertyKey[] | string; message: string }[],
  translate: MessageTranslator = asIs,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = pathKey(issue.path);
    errors[key] ??= translate(issue.message);
  }
  return errors;
}

export type Validated<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** Checks a form's value with the schema the API itself uses (from shared/), before sending it. */
export function validateWith<S extends z.ZodType>(
  schema: S,
  value: unknown,
  translate: MessageTranslator = asIs,
): Validated<z.output<S>> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: errorsFromIssues(result.error.issues, translate) };
}

/** An API error as form errors: its localized message for the form, its details per field. */
export function errorsFromApi(error: ApiError, translate: MessageTranslator = asIs): FieldErrors {
  return { '': error.message, ...errorsFromIssues(error.fieldProblems, translate) };
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}

/** Whatever went wrong, as form errors: an API error per field, anything else for the form. */
export function errorsFromFailure(error: unknown, translate: MessageTranslator = asIs): FieldErrors {
  if (error instanceof ApiError) return errorsFromApi(error, translate);
  return { '': errorText(error) };
}

/**
 * A form's submit: `body` checked against `schema` (each problem on its input), then `send` with
 * the checked data while the form is busy; a refusal from the API lands on the inputs the same way.
 * Answers whether it went through.
 */
export async function submitChecked<S extends z.ZodType>(
  form: { setErrors: (errors: FieldErrors) => void; setBusy: (busy: boolean) => void },
  schema: S,
  body: unknown,
  translate: MessageTranslator,
  send: (data: z.output<S>) => Promise<void>,
): Promise<boolean> {
  const checked = validateWith(schema, body, translate);
  if (!checked.ok) {
    form.setErrors(checked.errors);
    return false;
  }
  form.setErrors({});
  form.setBusy(true);
  try {
    await send(checked.data);
    return true;
  } catch (error) {
    form.setErrors(errorsFromFailure(error, translate));
    return false;
  } finally {
    form.setBusy(false);
  }
}
