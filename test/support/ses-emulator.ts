import { afterAll, beforeAll } from 'vitest';
import { startSesLocal } from '../../functions/local/engines.js';
import { createSesClient } from '../../shared/aws/ses-client.js';
import type { Mailer } from '../../shared/email/mailer.js';
import { createSesMailer } from '../../shared/email/ses-mailer.js';
import { freePort } from './free-port.js';

/** A mail as the SES emulator keeps it after parsing the raw MIME message with a real parser. */
export type StoredAttachment = { contentType: string; contentDisposition?: string; filename?: string; cid?: string; content: string };
export type StoredMail = {
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { text: string; html?: string };
  attachments?: StoredAttachment[];
};

export type SesEmulator = {
  url: string;
  /** The product's SES mailer, pointed at the emulator. */
  mailer: Mailer;
  /** Every stored mail to this address, oldest first. */
  mailsTo(address: string): Promise<StoredMail[]>;
  /** Every stored mail sent at or after this time (ms since the epoch). */
  mailsSince(since: number): Promise<StoredMail[]>;
  stop(): Promise<void>;
};

export const TEST_FROM = 'Hữu Nghị Events <no-reply@huu-nghi.example.org>';

/** Starts the SES v2 emulator (in this process) on a free port, with the product's mailer aimed at it. */
export async function startSesEmulator(from = TEST_FROM): Promise<SesEmulator> {
  const port = await freePort();
  const engine = await startSesLocal({ port });
  const url = `http://127.0.0.1:${port}`;
  const store = async (query = '') => ((await (await fetch(`${url}/store${query}`)).json()) as { emails: StoredMail[] }).emails;
  return {
    url,
    mailer: createSesMailer(createSesClient({ region: 'local', endpoint: url }), { from }),
    mailsTo: async (address) => (await store()).filter((m) => m.destination.to.includes(address)),
    mailsSince: (since) => store(`?since=${since}`),
    stop: () => engine.stop(),
  };
}

/**
 * The emulator for the calling test file: started before its tests, stopped after them. Read it
 * inside tests (`ses().mailsTo(…)`), once beforeAll has run.
 */
export function useSesEmulator(from = TEST_FROM): () => SesEmulator {
  let emulator: SesEmulator | undefined;
  beforeAll(async () => {
    emulator = await startSesEmulator(from);
  });
  afterAll(async () => {
    await emulator?.stop();
  });
  return () => {
    if (!emulator) throw new Error('the SES emulator is not started yet (read it inside a test)');
    return emulator;
  };
}
