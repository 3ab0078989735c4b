import { describe, expect, it } from 'vitest';
import type { Mailer, OutgoingEmail } from '../../../shared/email/mailer.js';
import { createPacer, pacedMailer } from '../../../shared/email/pacer.js';

const mail = (to: string): OutgoingEmail => ({ to, subject: 'Thư mời', text: 'x', html: '<p>x</p>' });
const throttling = () => Object.assign(new Error('Maximum sending rate exceeded.'), { name: 'TooManyRequestsException' });

describe('the pacer', () => {
  it('spaces calls at the rate: at 50 per second, one every 20 ms', async () => {
    const waits: number[] = [];
    const pacer = createPacer(50, async (ms) => void waits.push(ms));
    for (let i = 0; i < 4; i += 1) await pacer.wait();
    // The first goes at once; the next three wait about 20, 40 and 60 ms.
    expect(waits).toHaveLength(3);
    for (const [i, ms] of waits.entries()) {
      expect(ms).toBeGreaterThan(20 * (i + 1) - 5);
      expect(ms).toBeLessThanOrEqual(20 * (i + 1));
    }
  });

  it('gives a throttled call its slot back, so SES gets its rate in accepted mail; other errors keep theirs', async () => {
    const taken: string[] = [];
    let slots = 0;
    const pacer = { wait: async () => void (slots += 1), giveBack: () => void (slots -= 1) };
    const ses: Mailer = {
      isReachable: async () => true,
      async send(m) {
        taken.push(m.to);
        if (m.to === 'throttled@example.org') throw throttling();
        if (m.to === 'broken@example.org') throw Object.assign(new Error('socket hang up'), { name: 'TimeoutError' });
        return { messageId: `id-${m.to}` };
      },
    };
    const paced = pacedMailer(ses, pacer);
    await expect(paced.send(mail('a@example.org'))).resolves.toEqual({ messageId: 'id-a@example.org' });
    await expect(paced.send(mail('throttled@example.org'))).rejects.toThrow('Maximum sending rate exceeded.');
    expect(slots).toBe(1);
    // An error after the mail may have left (a timeout) is not known to be unsent: its slot stays used.
    await expect(paced.send(mail('broken@example.org'))).rejects.toThrow('socket hang up');
    expect(slots).toBe(2);
    expect(taken).toEqual(['a@example.org', 'throttled@example.org', 'broken@example.org']);
  });
});
