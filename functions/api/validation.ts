import { validator } from 'hono/validator';
import type * as z from 'zod';
import en from 'zod/v4/locales/en.js';
import type { Context } from 'hono';
import { requestLanguage } from './language.js';
import { DomainError, ValidationError } from '../../shared/errors.js';
import { documentHandler } from './openapi/describe-route.js';

class UnsupportedMediaTypeError extends DomainError {
  readonly kind = 'malformed' as const;
  constructor() {
    super('unsupported_media_type', {
      vi: 'Nội dung phải là JSON (Content-Type: application/json).',
      en: 'The body must be JSON (Content-Type: application/json).',
    });
  }
}

const english = { error: en().localeError };

/**
 * zod's own messages in the reader's language; a schema's custom messages stay as written. A value
 * is parsed with the English ones (zod's own default, always loaded); only an invalid one for a
 * Vietnamese reader is parsed again with the Vietnamese, loaded then: a cold start does not read them.
 */
async function parseFor<S extends z.ZodType>(c: Context, schema: S, value: unknown) {
  const parsed = await schema.safeParseAsync(value, english);
  if (parsed.success || requestLanguage(c) === 'en') return parsed;
  const { default: vi } = await import('zod/v4/locales/vi.js');
  return schema.safeParseAsync(value, { error: vi().localeError });
}

/** A zod failure as the API reports it: which field, what is wrong. */
export function validationFailed(error: z.ZodError): ValidationError {
  return new ValidationError(
    { vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The request is not valid.' },
    error.issues.map((issue) => ({ path: issue.path.join('.'), code: issue.code, message: issue.message })),
    'validation_failed',
  );
}

/** Validates a JSON body with a schema from shared/; unknown fields and wrong types are a 400. */
export function jsonBody<S extends z.ZodType>(schema: S) {
  return documentHandler(validator('json', async (value, c): Promise<z.output<S>> => {
    const mediaType = (c.req.header('content-type') ?? '').split(';')[0]!.trim();
    // A POST with no body at all (`curl -X POST`) means "no options": validate it as {}.
    const bodiless = !mediaType && !c.req.header('transfer-encoding') && Number(c.req.header('content-length') ?? 0) === 0;
    if (bodiless) value = {};
    else if (!/^application\/([\w.-]+\+)?json$/i.test(mediaType)) throw new UnsupportedMediaTypeError();
    const parsed = await parseFor(c, schema, value);
    if (!parsed.success) throw validationFailed(parsed.error);
    return parsed.data;
  }), { body: schema });
}

/** Validates the query string; documented as the route's query parameters in /api/openapi.json. */
export function queryParams<S extends z.ZodType>(schema: S) {
  return documentHandler(validator('query', async (value, c): Promise<z.output<S>> => {
    const parsed = await parseFor(c, schema, value);
    if (!parsed.success) throw validationFailed(parsed.error);
    return parsed.data;
  }), { query: schema });
}
