import { SESv2Client } from '@aws-sdk/client-sesv2';

export type SesSettings = { region: string; endpoint?: string };

/**
 * One SES v2 client per process; locally it points at the SES emulator. It never retries by
 * itself: a retried SendEmail may send twice, so the outbox decides what is safe to try again.
 */
export function createSesClient(settings: SesSettings): SESv2Client {
  return new SESv2Client({
    region: settings.region,
    maxAttempts: 1,
    ...(settings.endpoint
      ? { endpoint: settings.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
}
