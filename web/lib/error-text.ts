/**
 * What went wrong, as a sentence to show: an API error's message is already in the user's
 * language (api-client.ts), and anything else says what it can.
 */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
