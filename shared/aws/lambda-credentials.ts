import { fromEnv } from '@aws-sdk/credential-provider-env';

/**
 * Bundled into the Lambda functions in place of `@aws-sdk/credential-provider-node`
 * (lambdaBundling.alias). In Lambda the execution role's credentials are always in the
 * environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), which is the first
 * link of the SDK's default chain; the rest of the chain (profiles, SSO, web identity, instance
 * metadata, and the STS and SSO clients they carry) is never reached there, and was about a sixth
 * of the API's bundle. Locally and in tests the real default chain is used.
 */
export const defaultProvider = (init: Parameters<typeof fromEnv>[0] = {}) => fromEnv(init);
