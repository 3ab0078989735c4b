import type { SESv2Client, SESv2ClientConfig } from '@aws-sdk/client-sesv2';
import { SES_TIMEOUTS } from './timeouts.js';

export type SesSettings = { region: string; endpoint?: string };

/**
 * How every SES v2 client is made; locally it points at the SES emulator. It never retries by
 * itself: a retried SendEmail may send twice, so the outbox decides what is safe to try again.
 * Only types come from the SDK here, so importing this file loads nothing of it.
 */
export function sesClientConfig(settings: SesSettings): SESv2ClientConfig {
  return {
    region: settings.region,
    maxAttempts: 1,
    requestHandler: { ...SES_TIMEOUTS },
    ...(settings.endpoint
      ? { endpoint: settings.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  };
}

/**
 * The client made on first use: `import()` keeps the SES SDK out of a Lambda's start when it
 * sends mail only now and then (the API: set-password links; infra/lambda-bundling.ts `onDemand`).
 */
export function loadSesClient(settings: SesSettings): () => Promise<SESv2Client> {
  let client: Promise<SESv2Client> | undefined;
  return () => (client ??= import('@aws-sdk/client-sesv2').then(({ SESv2Client: Client }) => new Client(sesClientConfig(settings))));
}
