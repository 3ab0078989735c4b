import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSweeperWake, isSweepRequest, SWEEP_REQUEST } from '../../../functions/mail/wake-sweeper.js';

const lambdaMock = mockClient(LambdaClient);

beforeEach(() => {
  lambdaMock.reset();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

describe("the API's wake of the outbox sweeper", () => {
  it('invokes the sweeper asynchronously, and the handler can wait for the invoke to leave', async () => {
    let release!: () => void;
    lambdaMock.on(InvokeCommand).callsFake(() => new Promise((resolve) => (release = () => resolve({ StatusCode: 202 }))));
    const wake = createSweeperWake({ functionName: 'HuuNghi-prod-Api-MailSweeper', region: 'ap-southeast-1' });
    wake.afterQueued(12);
    let settled = false;
    const waiting = wake.settled().then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(settled).toBe(false);
    release();
    await waiting;

    const calls = lambdaMock.commandCalls(InvokeCommand);
    expect(calls).toHaveLength(1);
    const input = calls[0]!.args[0].input;
    expect(input).toMatchObject({ FunctionName: 'HuuNghi-prod-Api-MailSweeper', InvocationType: 'Event' });
    expect(isSweepRequest(JSON.parse(String(input.Payload)))).toBe(true);
  });

  it('only logs a failed invoke: the next scheduled run sends the mail anyway', async () => {
    lambdaMock.on(InvokeCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException' }));
    const wake = createSweeperWake({ functionName: 'sweeper', region: 'ap-southeast-1' });
    wake.afterQueued(1);
    await expect(wake.settled()).resolves.toBeUndefined();
    expect(console.error).toHaveBeenCalledTimes(1);
  });

  it('wakes nothing without a function name', async () => {
    const wake = createSweeperWake({ functionName: undefined, region: 'ap-southeast-1' });
    wake.afterQueued(3);
    await wake.settled();
    expect(lambdaMock.commandCalls(InvokeCommand)).toHaveLength(0);
  });

  it('tells the API request from a scheduled event', () => {
    expect(isSweepRequest(SWEEP_REQUEST)).toBe(true);
    expect(isSweepRequest({ source: 'aws.events', 'detail-type': 'Scheduled Event' })).toBe(false);
    expect(isSweepRequest(undefined)).toBe(false);
  });
});
