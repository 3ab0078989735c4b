import * as z from 'zod';
import { ConfigError } from '../../shared/config.js';

/**
 * The settings of the mail Lambdas that only touch the table and a queue (the sweeper, the
 * SES-events recorder). They are not given PUBLIC_URL or LINK_SECRET, which parseConfig requires
 * (the sender, which mails links, uses parseConfig). Same rules: read once, one line per problem.
 */
export const tableSettings = {
  TABLE_NAME: z.string().min(1).default('huu-nghi-events'),
  AWS_REGION: z.string().min(1).default('ap-southeast-1'),
  DYNAMODB_ENDPOINT: z.url().optional(),
};

export function parseLambdaEnv<Shape extends z.ZodRawShape>(
  shape: Shape,
  env: Record<string, string | undefined>,
): z.output<z.ZodObject<Shape>> {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = z.object(shape).safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`));
  }
  return parsed.data;
}
