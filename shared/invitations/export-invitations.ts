import { toCsv, toXlsx, type ExportTable } from '../attendees/export-attendees.js';
import { EventNotFoundError } from '../events/event-errors.js';
import type { StoredEvent } from '../events/events-repository.js';
import { eventFileName } from '../text/file-name.js';
import { foldAccents } from '../text/vietnamese.js';
import { toLocalIso } from '../time/ho-chi-minh.js';
import type { EmailStatus, InvitationResponse, ListInvitationsQuery } from './invitation-schema.js';
import type { InvitationsDeps } from './invitations-deps.js';
import type { StoredInvitation } from './invitations-repository.js';
import { salutationWords } from './salutations.js';

/**
 * The invitation list as a file, with the filter the organiser is looking at (not answered, one
 * group, an email status, an answer, a search): the CSV and XLSX writers of the attendee export,
 * so both lists open in Excel alike.
 */
const headings = {
  stt: { vi: 'STT', en: 'No.' },
  salutation: { vi: 'Danh xưng', en: 'Salutation' },
  name: { vi: 'Họ và tên', en: 'Full name' },
  organisation: { vi: 'Đơn vị', en: 'Organisation' },
  position: { vi: 'Chức vụ', en: 'Position' },
  group: { vi: 'Nhóm', en: 'Group' },
  email: { vi: 'Email', en: 'Email' },
  phone: { vi: 'Số điện thoại', en: 'Phone' },
  language: { vi: 'Ngôn ngữ', en: 'Language' },
  emailStatus: { vi: 'Tình trạng thư', en: 'Email status' },
  response: { vi: 'Trả lời', en: 'Answer' },
  answeredAt: { vi: 'Trả lời lúc', en: 'Answered at' },
};

const emailStatusNames: Record<EmailStatus, { vi: string; en: string }> = {
  not_sent: { vi: 'Chưa gửi', en: 'Not sent' },
  queued: { vi: 'Đang chờ gửi', en: 'Waiting to go' },
  sent: { vi: 'Đã gửi', en: 'Sent' },
  delivered: { vi: 'Đã đến hộp thư', en: 'Delivered' },
  bounced: { vi: 'Bị trả lại', en: 'Bounced' },
  complained: { vi: 'Bị báo thư rác', en: 'Marked as spam' },
  suppressed: { vi: 'Địa chỉ bị chặn', en: 'Address blocked' },
  failed: { vi: 'Gửi lỗi', en: 'Failed' },
};

const responseNames: Record<InvitationResponse, { vi: string; en: string }> = {
  none: { vi: 'Chưa trả lời', en: 'No answer yet' },
  confirmed: { vi: 'Xác nhận tham dự', en: 'Confirmed' },
  waitlisted: { vi: 'Danh sách chờ', en: 'Waiting list' },
  pending: { vi: 'Chờ duyệt', en: 'Awaiting approval' },
  declined: { vi: 'Từ chối', en: 'Declined' },
  withdrawn: { vi: 'Đã rút', en: 'Withdrawn' },
  rejected: { vi: 'Không được duyệt', en: 'Not accepted' },
};

const languageNames = { vi: { vi: 'Tiếng Việt', en: 'Vietnamese' }, en: { vi: 'Tiếng Anh', en: 'English' } };

export function invitationTable(items: StoredInvitation[], language: 'vi' | 'en'): ExportTable {
  const columns = Object.keys(headings) as (keyof typeof headings)[];
  return {
    header: columns.map((c) => headings[c][language]),
    rows: items.map((item, index) => [
      String(index + 1),
      item.salutation ? salutationWords[item.salutation][language] || salutationWords[item.salutation].vi : '',
      item.name,
      item.organisation ?? '',
      item.position ?? '',
      item.group ?? '',
      item.email ?? '',
      item.phone ?? '',
      languageNames[item.language][language],
      emailStatusNames[item.emailStatus][language],
      responseNames[item.response][language],
      item.answeredAt ? toLocalIso(item.answeredAt).slice(0, 16).replace('T', ' ') : '',
    ]),
  };
}

export type InvitationExport = { fileName: string; contentType: string; body: Uint8Array | string };

const PAGE = 1000;

/** Every invitation the filter matches, in the list's order (Vietnamese name order). */
async function matching(deps: InvitationsDeps, eventId: string, query: ListInvitationsQuery): Promise<StoredInvitation[]> {
  const words = query.q ? [...new Set(foldAccents(query.q).split(' ').filter(Boolean))].slice(0, 10) : [];
  const items: StoredInvitation[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.invitations.listByName(eventId, {
      limit: PAGE,
      cursor,
      emailStatus: query.emailStatus,
      response: query.response,
      group: query.group || undefined,
      words,
    });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

export async function exportInvitations(
  deps: InvitationsDeps,
  eventId: string,
  query: ListInvitationsQuery,
  format: 'csv' | 'xlsx',
  language: 'vi' | 'en',
): Promise<InvitationExport> {
  const event: StoredEvent | undefined = await deps.events.findById(eventId);
  if (!event) throw new EventNotFoundError();
  const table = invitationTable(await matching(deps, eventId, query), language);
  const fileName = eventFileName(language === 'vi' ? 'khach moi' : 'invitees', event, language, format);
  if (format === 'csv') return { fileName, contentType: 'text/csv; charset=utf-8', body: toCsv(table) };
  return {
    fileName,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: await toXlsx(table, language === 'vi' ? 'Khách mời' : 'Invitees'),
  };
}
