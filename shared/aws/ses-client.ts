import { SESv2Client } from '@aws-sdk/client-sesv2';
import { sesClientConfig, type SesSettings } from './ses-client-config.js';

export type { SesSettings } from './ses-client-config.js';

/** One SES v2 client per process, made now (the senders, the local product); see sesClientConfig. */
export function createSesClient(settings: SesSettings): SESv2Client {
  return new SESv2Client(sesClientConfig(settings));
}
