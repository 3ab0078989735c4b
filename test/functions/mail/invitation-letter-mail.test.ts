import { describe, expect, it } from 'vitest';
import { buildMailDeps } from '../../../functions/mail/mail-deps.js';
import { deliverOutboxMessage } from '../../../shared/email/deliver-outbox-message.js';
import { pdfText } from '../../support/pdf-text.js';
import { useSesEmulator, type StoredMail } from '../../support/ses-emulator.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';
import { outboxOf } from '../api/answering-support.js';
import { createEvent } from '../api/invitations-support.js';

/**
 * Issue 20: the giấy mời attached to the invitation mail when the event asks for it. Sent through
 * the SES emulator, which parses the raw MIME with a real mail parser; the PDF read back with
 * poppler's pdftotext, a program that did not write it.
 */
const today = new Date('2027-01-05T03:00:00Z');
const ses = useSesEmulator();

const mailsTo = (address: string) => ses().mailsTo(address);

/** Waits for the queued mails of a send (queued at once or in the background) and delivers them. */
async function deliverQueued(ctx: TestContext, eventId: string, expected: number) {
  await expect.poll(async () => (await outboxOf(ctx, eventId)).length, { timeout: 30_000 }).toBe(expected);
  const queued = await outboxOf(ctx, eventId);
  const delivery = buildMailDeps(ctx.config, ctx.db, ses().mailer, () => today).delivery;
  expect(await Promise.all(queued.map((m) => deliverOutboxMessage(delivery, m)))).toEqual(queued.map(() => 'sent'));
}

const tag = Math.random().toString(36).slice(2, 8);

describe('the giấy mời in the invitation mail', () => {
  it('goes with each invitation as a PDF in the invitee’s language, numbered at sending; a resend carries the same number', async () => {
    const ctx = await createTestContext({ now: () => today });
    const organiser = await ctx.as('organiser');
    const eventId = await createEvent(organiser, {
      title: { vi: 'Hội nghị gặp mặt các tổ chức phi chính phủ nước ngoài năm 2027', en: 'Meeting of foreign NGOs 2027' },
      venue: 'Hội trường Liên hiệp, 45 Lê Duẩn, Buôn Ma Thuột',
      startsAt: '2027-01-15T08:00:00+07:00',
      endsAt: '2027-01-15T11:30:00+07:00',
      attachInvitationLetter: true,
    });
    expect((await organiser('GET', `/api/events/${eventId}`)).body.event.attachInvitationLetter).toBe(true);
    const nhung = { name: 'Nguyễn Thị Hồng Nhung'.normalize('NFD'), email: `nhung.${tag}@example.org`, position: 'Phó Giám đốc', organisation: 'Sở Ngoại vụ tỉnh Đắk Lắk' };
    const soren = { name: 'Søren Ålund', email: `soren.${tag}@example.org`, language: 'en', organisation: 'Plan International' };
    expect((await organiser('POST', `/api/events/${eventId}/invitations`, { body: { invitees: [nhung, soren] } })).status).toBe(200);
    expect((await organiser('POST', `/api/events/${eventId}/publish`)).status).toBe(200);

    expect((await organiser('POST', `/api/events/${eventId}/invitations/send`, { body: {} })).status).toBe(202);
    await deliverQueued(ctx, eventId, 2);

    const letters = (await organiser('GET', `/api/events/${eventId}/letters`)).body.items as { invitationId: string; reference: string }[];
    expect(letters).toHaveLength(2);
    const [viMail] = await mailsTo(nhung.email);
    const [enMail] = await mailsTo(soren.email);
    const pdfOf = (mail: StoredMail | undefined) => {
      const pdfs = (mail?.attachments ?? []).filter((a) => a.contentType === 'application/pdf');
      expect(pdfs).toHaveLength(1);
      return pdfs[0]!;
    };
    const viPdf = pdfOf(viMail);
    expect(viPdf.filename).toBe('giay-moi-hoi-nghi-gap-mat-cac-to-chuc-phi-chinh-phu-nuoc-ngoai-nam-2027-2027-01-15-nguyen-thi-hong-nhung.pdf');
    const viText = pdfText({ base64: viPdf.content });
    expect(viText).toContain('GIẤY MỜI');
    expect(viText).toContain('Nguyễn Thị Hồng Nhung');
    expect(viText).toContain('Đắk Lắk, ngày 05 tháng 01 năm 2027');
    const enText = pdfText({ base64: pdfOf(enMail).content });
    expect(enText).toContain('INVITATION LETTER');
    expect(enText).toContain('Søren Ålund');
    // The number printed is the register's, as the letters page lists it.
    const references = letters.map((l) => l.reference);
    expect(references.sort()).toEqual(['1/GM-LHHN', '2/GM-LHHN']);
    const viNumber = viText.match(/Số: (\d+\/GM-LHHN)/)?.[1];
    const enNumber = enText.match(/No\.: (\d+\/GM-LHHN)/)?.[1];
    expect([viNumber, enNumber].sort()).toEqual(references);
    // And the mail names it under the signature, as an official letter lists what it encloses.
    expect(viMail!.body.text).toContain(`Kèm theo: Giấy mời số ${viNumber} (PDF)`);
    expect(enMail!.body.text).toContain(`Enclosed: invitation letter No. ${enNumber} (PDF)`);
    expect(viMail!.body.html).toContain(`Kèm theo: Giấy mời số ${viNumber} (PDF)`);

    // Sent again: the same paper, no new number taken from the register.
    const invitation = (await organiser('GET', `/api/events/${eventId}/invitations?limit=10`)).body.items.find((i: { email: string }) => i.email === nhung.email);
    expect((await organiser('POST', `/api/events/${eventId}/invitations/${invitation.invitationId}/resend`)).status).toBe(202);
    await deliverQueued(ctx, eventId, 1);
    const resent = (await mailsTo(nhung.email))[1];
    expect(pdfText({ base64: pdfOf(resent).content })).toContain(`Số: ${viNumber}`);
    expect((await organiser('GET', `/api/events/${eventId}/letters`)).body.items).toHaveLength(2);
  }, 120_000);

  it('is not attached unless the event asks for it, and no number is taken', async () => {
    const ctx = await createTestContext({ now: () => today });
    const organiser = await ctx.as('organiser');
    const eventId = await createEvent(organiser, { title: { vi: 'Gặp mặt hội hữu nghị Việt – Nga', en: 'Vietnam–Russia association meeting' } });
    expect((await organiser('GET', `/api/events/${eventId}`)).body.event.attachInvitationLetter).toBe(false);
    const guest = { name: 'Trần Văn Minh', email: `minh.${tag}@example.org` };
    expect((await organiser('POST', `/api/events/${eventId}/invitations`, { body: { invitees: [guest] } })).status).toBe(200);
    expect((await organiser('POST', `/api/events/${eventId}/publish`)).status).toBe(200);
    expect((await organiser('POST', `/api/events/${eventId}/invitations/send`, { body: {} })).status).toBe(202);
    await deliverQueued(ctx, eventId, 1);
    const [mail] = await mailsTo(guest.email);
    expect(mail?.subject).toBeTruthy();
    expect((mail?.attachments ?? []).filter((a) => a.contentType === 'application/pdf')).toEqual([]);
    expect(mail?.body.text).not.toContain('Kèm theo');
    expect((await organiser('GET', `/api/events/${eventId}/letters`)).body.items).toEqual([]);
  }, 60_000);
});
