import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../support/test-context.js';
import { createEvent, postCsv } from './invitations-support.js';

const broken = {
  invitation: {
    vi: { subject: 'Kính mời {{ten}} dự {{event}}', body: 'Kính gửi {{salutation}} {{name}}, mời dự {{event}}.' },
  },
};

describe('mail templates that would break the invitation', () => {
  it('refuses an unknown placeholder and a body without {{link}} with 422, saying which template and field', async () => {
    const ctx = await createTestContext();
    const organiser = await ctx.as('organiser');
    const eventId = await createEvent(organiser);

    const refused = await organiser('PATCH', `/api/events/${eventId}`, { body: { mailTemplates: broken } });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toBe('mail_template_invalid');
    expect(refused.body.details.problems).toEqual([
      { kind: 'invitation', language: 'vi', field: 'subject', problem: 'unknown_placeholder', placeholder: '{{ten}}' },
      { kind: 'invitation', language: 'vi', field: 'body', problem: 'link_missing' },
    ]);
    expect(refused.body.message).toContain('Thư mời (tiếng Việt), tiêu đề');
    expect(refused.body.message).toContain('{{ten}}');
    // Nothing was saved.
    expect((await organiser('GET', `/api/events/${eventId}`)).body.event.mailTemplates).toBeUndefined();

    // English template, English reader: the reminder without its link, and an unclosed placeholder.
    const english = await organiser('PATCH', `/api/events/${eventId}`, {
      headers: { 'accept-language': 'en' },
      body: { mailTemplates: { reminder: { en: { subject: 'Reminder: {{event', body: 'Dear {{name}}, please answer.' } } } },
    });
    expect(english.status).toBe(422);
    expect(english.body.details.problems.map((p: { problem: string }) => p.problem)).toEqual(['unclosed_placeholder', 'link_missing']);
    expect(english.body.message).toMatch(/^The mail template cannot be used\. Reminder \(English\), subject/);

    // A new event with such a template is refused the same way; a good one is kept.
    const created = await organiser('POST', '/api/events', {
      body: { type: 'training', title: { vi: 'Tập huấn' }, venue: 'Hội trường', startsAt: '2027-01-15T08:00:00+07:00', endsAt: '2027-01-15T11:00:00+07:00', mailTemplates: broken },
    });
    expect(created.status).toBe(422);
    const good = { invitation: { en: { subject: 'Invitation: {{ event }}', body: 'Dear {{salutation}} {{name}}, answer here: {{ link }}' } } };
    expect((await organiser('PATCH', `/api/events/${eventId}`, { body: { mailTemplates: good } })).status).toBe(200);
  });

  it('previews a draft as a chosen invitee receives it, in each language, with their salutation', async () => {
    const ctx = await createTestContext();
    const organiser = await ctx.as('organiser');
    const eventId = await createEvent(organiser);
    const csv = 'Danh xưng,Họ và tên,Email,Ngôn ngữ\nĐồng chí,Y Wang Mlô,ywang@example.org,vi\nMs,Siobhán O’Brien,siobhan@example.org,en\n';
    expect((await postCsv(ctx, organiser.cookie, eventId, csv)).body.created).toBe(2);
    const items = (await organiser('GET', `/api/events/${eventId}/invitations`)).body.items as { invitationId: string; name: string; salutation?: string }[];
    const ywang = items.find((i) => i.name === 'Y Wang Mlô')!;
    expect(ywang.salutation).toBe('dong_chi');

    const templates = { vi: { subject: 'Kính mời {{salutation}} {{name}}', body: 'Trân trọng kính mời {{salutation}} dự {{event}}: {{link}}' } };
    const vi = await organiser('POST', `/api/events/${eventId}/mail-preview`, { body: { kind: 'invitation', invitationId: ywang.invitationId, templates } });
    expect(vi.status).toBe(200);
    expect(vi.body.mail.subject).toBe('Kính mời Đồng chí Y Wang Mlô');
    expect(vi.body.mail.text).toContain('Trân trọng kính mời Đồng chí dự Hội nghị các tổ chức phi chính phủ nước ngoài');
    // A stand-in link, never the invitee's own.
    expect(vi.body.mail.text).toContain('http://localhost:3000/r/duong-dan-rieng-cua-khach-moi');
    const en = await organiser('POST', `/api/events/${eventId}/mail-preview`, { body: { kind: 'invitation', invitationId: ywang.invitationId, language: 'en' } });
    expect(en.body.mail.subject).toBe('Invitation: Conference of foreign NGOs');
    expect(en.body.mail.text).toMatch(/^Dear Y Wang Mlô,/);

    const bad = await organiser('POST', `/api/events/${eventId}/mail-preview`, {
      body: { kind: 'invitation', templates: { vi: { subject: '{{ten}}', body: 'x' } } },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error).toBe('mail_template_invalid');
  });

  it('sends a test to the organiser’s own address, a few at a time; staff may not', async () => {
    const ctx = await createTestContext();
    const organiser = await ctx.as('organiser');
    const eventId = await createEvent(organiser);
    const body = { kind: 'invitation', language: 'vi', templates: { vi: { subject: 'Mời {{name}}', body: 'Kính gửi {{salutation}} {{name}}: {{link}}' } } };
    for (let i = 0; i < 5; i += 1) {
      const sent = await organiser('POST', `/api/events/${eventId}/mail-test`, { body });
      expect(sent).toMatchObject({ status: 202, body: { to: organiser.user.email } });
    }
    const mails = ctx.mailer.sent.filter((m) => m.to === organiser.user.email);
    expect(mails).toHaveLength(5);
    expect(mails[0]!.subject).toBe('[Thư thử] Mời Nguyễn Văn An');
    expect(mails[0]!.text).toContain('Kính gửi Ông/Bà Nguyễn Văn An');
    const sixth = await organiser('POST', `/api/events/${eventId}/mail-test`, { body });
    expect(sixth.status).toBe(429);
    const staff = await ctx.as('staff');
    expect((await staff('POST', `/api/events/${eventId}/mail-test`, { body })).status).toBe(403);
  });
});
