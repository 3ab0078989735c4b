import type { Context } from 'hono';
import { ValidationError } from '../../shared/errors.js';
import type { InviteeRow } from '../../shared/invitations/import-invitees.js';
import { importInviteesBodySchema, updateInvitationSchema } from '../../shared/invitations/invitation-schema.js';
import { describeInviteeIssues } from '../../shared/invitations/invitee-problems.js';
import { parseInviteeCsv } from '../../shared/invitations/parse-invitee-csv.js';
import { requestLanguage } from './language.js';
import { validationFailed } from './validation.js';

/**
 * The bodies of the invitation routes that jsonBody() cannot read: an import is a CSV file or a
 * JSON list, and a change of an invitee is reported field by field in the invitee's own terms.
 */

/** Media types a CSV upload arrives with (browsers on Windows label .csv files as Excel's). */
const CSV_TYPES = new Set(['text/csv', 'application/csv', 'application/vnd.ms-excel']);

function mediaTypeOf(c: Context): { type: string; charset?: string } {
  const [type = '', ...params] = (c.req.header('content-type') ?? '').split(';');
  const charset = params.map((p) => p.trim()).find((p) => p.toLowerCase().startsWith('charset='));
  return { type: type.trim().toLowerCase(), charset: charset?.slice('charset='.length) };
}

const unsupportedBody = () =>
  new ValidationError(
    {
      vi: 'Nội dung phải là JSON { invitees: [...] } hoặc một tệp CSV (Content-Type: text/csv).',
      en: 'The body must be JSON { invitees: [...] } or a CSV file (Content-Type: text/csv).',
    },
    undefined,
    'unsupported_media_type',
  );

const malformedJson = () =>
  new ValidationError(
    { vi: 'Yêu cầu không đúng định dạng (JSON không hợp lệ?).', en: 'The request is malformed (invalid JSON?).' },
    undefined,
    'malformed_request',
  );

async function readJson(c: Context): Promise<unknown> {
  if (!/^application\/([\w.-]+\+)?json$/.test(mediaTypeOf(c).type)) throw unsupportedBody();
  try {
    return await c.req.json();
  } catch {
    throw malformedJson();
  }
}

/**
 * The rows of an import: a CSV file (row numbers as the spreadsheet shows them) or a JSON list
 * (row = position in the list, from 1).
 */
export async function readInviteeRows(c: Context): Promise<InviteeRow[]> {
  const { type, charset } = mediaTypeOf(c);
  if (CSV_TYPES.has(type)) {
    const csv = parseInviteeCsv(new Uint8Array(await c.req.arrayBuffer()), { charset });
    return csv.rows.map(({ row, input }) => ({ row, input }));
  }
  const parsed = importInviteesBodySchema.safeParse(await readJson(c));
  if (!parsed.success) throw validationFailed(parsed.error);
  return parsed.data.invitees.map((input, index) => ({ row: index + 1, input }));
}


/** The changes of one invitee (PATCH), each problem named by field as the import names them. */
export async function readInvitationChanges(c: Context) {
  const raw = await readJson(c);
  const parsed = updateInvitationSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ValidationError(
      { vi: 'Thông tin khách mời không hợp lệ.', en: 'The invitee is not valid.' },
      describeInviteeIssues(parsed.error.issues, raw, requestLanguage(c)),
      'validation_failed',
    );
  }
  return parsed.data;
}
