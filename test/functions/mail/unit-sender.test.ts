import { describe, expect, it } from 'vitest';
import { deliverOutboxMessage } from '../../../shared/email/deliver-outbox-message.js';
import { LINK_TOKEN_SOURCE } from '../../../shared/invitations/link-tokens.js';
import { buildMailDeps } from '../../../functions/mail/mail-deps.js';
import { createEvent } from '../api/invitations-support.js';
import { outboxOf } from '../api/answering-support.js';
import { TEST_FROM as FROM, useSesEmulator } from '../../support/ses-emulator.js';
import { createTestContext } from '../../support/test-context.js';

/**
 * Issue 25: an association's invitations go out under its own sender name and close with its
 * signature, read back from the SES emulator; the union's own events keep the configured sender.
 */
const ses = useSesEmulator();
const mailTo = async (address: string) => (await ses().mailsTo(address))[0];

/** The From as a reader's mail program shows it: an RFC 2047 display name decoded. */
const readable = (from: string) =>
  from.replace(/=\?UTF-8\?B\?([^?]+)\?=/gi, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8')).replace(/"/g, '');

const tag = Math.random().toString(36).slice(2, 8);

/** A member association with its own sender name and signature. */
const koreaAssociation = {
  parentId: 'union',
  name: { vi: 'Hội hữu nghị Việt Nam – Hàn Quốc tỉnh Đắk Lắk', en: 'Đắk Lắk Vietnam–Korea Friendship Association' },
  shortName: 'Hội VN–Hàn Quốc',
  senderName: 'Hội hữu nghị Việt Nam – Hàn Quốc tỉnh Đắk Lắk',
  signature: { vi: 'Hội hữu nghị Việt Nam – Hàn Quốc tỉnh Đắk Lắk', en: 'Đắk Lắk Vietnam–Korea Friendship Association' },
};

describe('mail of a unit’s event', () => {
  it('goes out under the unit’s sender name and closes with its signature; the union’s keeps its own', async () => {
    const ctx = await createTestContext();
    const admin = await ctx.as('admin');
    const created = await admin('POST', '/api/units', { body: koreaAssociation });
    const korea = await ctx.as('organiser', [{ unitId: created.body.unit.unitId, role: 'organiser' }]);
    const sendTo = async (caller: typeof korea, email: string, language: 'vi' | 'en') => {
      const eventId = await createEvent(caller, { type: 'meeting', title: { vi: 'Giao lưu văn hóa Việt – Hàn', en: 'Vietnam–Korea cultural exchange' } });
      await caller('POST', `/api/events/${eventId}/invitations`, { body: { invitees: [{ name: 'Kim Min-ji', email, language }] } });
      expect((await caller('POST', `/api/events/${eventId}/publish`)).status).toBe(200);
      expect((await caller('POST', `/api/events/${eventId}/invitations/send`, { body: {} })).status).toBe(202);
      const delivery = buildMailDeps(ctx.config, ctx.db, ses().mailer).delivery;
      await expect.poll(async () => (await outboxOf(ctx, eventId)).length, { timeout: 30_000 }).toBeGreaterThan(0);
      const outcomes = await Promise.all((await outboxOf(ctx, eventId)).map((m) => deliverOutboxMessage(delivery, m)));
      expect(outcomes).toEqual(['sent']);
      return (await mailTo(email))!;
    };

    const vi = await sendTo(korea, `minji.${tag}@example.org`, 'vi');
    expect(readable(vi.from)).toBe('Hội hữu nghị Việt Nam – Hàn Quốc tỉnh Đắk Lắk <no-reply@huu-nghi.example.org>');
    expect(vi.body.text).toMatch(/Trân trọng[\s\S]*Hội hữu nghị Việt Nam – Hàn Quốc tỉnh Đắk Lắk/);
    expect(vi.body.text).not.toContain('Liên hiệp các tổ chức hữu nghị');

    // The personal link's page names the association as host.
    const token = vi.body.text.match(new RegExp(`/r/(${LINK_TOKEN_SOURCE})`))![1];
    const opened = await ctx.request('GET', `/api/r/${token}`);
    expect(opened.body.event.host).toEqual({ vi: 'Hội hữu nghị Việt Nam – Hàn Quốc tỉnh Đắk Lắk', en: 'Đắk Lắk Vietnam–Korea Friendship Association' });

    // The console's preview signs as the mail does.
    const preview = await korea('POST', `/api/events/${opened.body.event.eventId}/mail-preview`, { body: { kind: 'invitation' } });
    expect(preview.body.mail.text).toMatch(/Trân trọng[\s\S]*Hội hữu nghị Việt Nam – Hàn Quốc tỉnh Đắk Lắk/);

    const en = await sendTo(korea, `minji.en.${tag}@example.org`, 'en');
    expect(en.body.text).toContain('Đắk Lắk Vietnam–Korea Friendship Association');

    const union = await sendTo(await ctx.as('organiser'), `union.${tag}@example.org`, 'vi');
    expect(readable(union.from)).toBe(FROM);
    expect(union.body.text).toContain('Liên hiệp các tổ chức hữu nghị tỉnh Đắk Lắk');
  });
});
