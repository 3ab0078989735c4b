import { describe, expect, it } from 'vitest';
import { normalizeMultilineText, normalizeText } from '../../../shared/text/vietnamese.js';
import { createTestContext } from '../../support/test-context.js';
import { postCsv } from '../../functions/api/invitations-support.js';

const NUL = '\u0000';
const BEL = '\u0007';
const ESC = '\u001b';
const RLO = '\u202e';
const LRI = '\u2066';
const PDI = '\u2069';
const C1 = '\u0085\u009b';

describe('control characters and bidi overrides in typed text', () => {
  it('are removed from one-line text, which keeps its letters in NFC', () => {
    expect(normalizeText(`Lê${NUL} Văn${BEL} Nam${ESC}[31m`)).toBe('Lê Văn Nam[31m');
    expect(normalizeText(`${RLO}gpj.exe${LRI}H'Linh Niê${PDI}${C1}`)).toBe("gpj.exeH'Linh Niê");
    expect(normalizeText('Nguye\u0302\u0303n\tThị')).toBe('Nguyễn Thị');
  });

  it('are removed from multi-line text, which keeps its tabs and line breaks', () => {
    expect(normalizeMultilineText(`Chương trình:\r\n\t8:00 Khai mạc${BEL}\r9:00 Thảo luận${RLO}`)).toBe('Chương trình:\n\t8:00 Khai mạc\n9:00 Thảo luận');
  });

  it('never reach a stored name, an event title, a description or a CSV export', async () => {
    const ctx = await createTestContext();
    const organiser = await ctx.as('organiser');
    const created = await organiser('POST', '/api/events', {
      body: {
        type: 'training',
        title: { vi: `Tập huấn${BEL} đối ngoại${RLO}` },
        description: { vi: `Dòng một${ESC}\nDòng hai${NUL}` },
        venue: `Hội trường${LRI} A${PDI}`,
        startsAt: '2099-06-16T07:30:00+07:00',
        endsAt: '2099-06-16T16:30:00+07:00',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.event.title.vi).toBe('Tập huấn đối ngoại');
    expect(created.body.event.description.vi).toBe('Dòng một\nDòng hai');
    expect(created.body.event.venue).toBe('Hội trường A');
    const eventId = created.body.event.eventId as string;

    await postCsv(ctx, organiser.cookie, eventId, `name,email,organisation\n"${RLO}Lê${NUL} Văn${BEL} Nam",nam@example.org,"CARE${ESC}[2J International"\n`);
    const [item] = (await organiser('GET', `/api/events/${eventId}/invitations`)).body.items;
    expect(item.name).toBe('Lê Văn Nam');
    expect(item.organisation).toBe('CARE[2J International');
    const patched = await organiser('PATCH', `/api/events/${eventId}/invitations/${item.invitationId}`, { body: { position: `Giám đốc${RLO}${BEL}` } });
    expect(patched.status).toBe(200);
    const stored = await ctx.deps.invitations.invitations.findById(eventId, item.invitationId);
    expect(JSON.stringify(stored)).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u);
  });
});
