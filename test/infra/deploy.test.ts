import { describe, expect, it } from 'vitest';
import { readInfraConfig } from '../../infra/config.js';
import { assessDeployment, gatherAwsFacts, identityOf, type AwsFacts } from '../../infra/deploy.js';
import { freePort } from '../support/free-port.js';

const prod = readInfraConfig(() => undefined, {}, () => ({
  production: true,
  sender: 'no-reply@huunghi.example.vn',
  sesIdentity: 'domain',
  mailFromDomain: 'mail.huunghi.example.vn',
  alarmEmail: 'ops@huunghi.example.vn',
  monthlyBudgetUsd: 5,
  mailRatePerSecond: 14,
}));

const ready: AwsFacts = {
  bootstrap: 'present',
  identity: { status: 'found', verified: true, dkim: 'SUCCESS', mailFrom: 'SUCCESS' },
  account: { production: true, maxSendRate: 14, max24HourSend: 50_000 },
  linkSecret: 'present',
};

const texts = (facts: AwsFacts, level: 'blocker' | 'warning') => assessDeployment(prod, facts).filter((f) => f.level === level).map((f) => f.text);

describe('npm run deploy: what it checks before deploying', () => {
  it('finds nothing missing on a ready account, and creates the link secret when there is none', () => {
    expect(texts(ready, 'blocker')).toEqual([]);
    expect(texts(ready, 'warning')).toEqual([]);
    const first = assessDeployment(prod, { ...ready, linkSecret: 'missing' });
    expect(first.filter((f) => f.level !== 'ok')).toEqual([]);
    expect(first.map((f) => f.text)).toContain(
      'The link secret /huu-nghi-events/prod/link-secret does not exist yet: the deploy creates it now, once, with a random value.',
    );
    expect(identityOf(prod)).toBe('huunghi.example.vn');
  });

  it('stops on a missing bootstrap and on a mail rate above the SES quota, saying what to run or set', () => {
    const blockers = texts({ ...ready, bootstrap: 'missing', account: { production: false, maxSendRate: 1, max24HourSend: 200 } }, 'blocker');
    expect(blockers).toEqual([
      'The account is not bootstrapped for CDK in ap-southeast-1: run `npx cdk bootstrap --region ap-southeast-1` once (infra/README.md, step 2).',
      expect.stringContaining('mailRatePerSecond is 14 in infra/stages/prod.json but SES allows 1 a second in ap-southeast-1: set it to 1 or less'),
    ]);
  });

  it('warns of the sandbox, an identity not yet created or verified, and MAIL FROM records still missing', () => {
    const sandbox = texts({ ...ready, account: { production: false, maxSendRate: 14, max24HourSend: 200 } }, 'warning');
    expect(sandbox).toEqual([expect.stringContaining('SES is in the sandbox in ap-southeast-1: mail goes only to verified addresses, at most 200 a day')]);
    expect(texts({ ...ready, identity: { status: 'missing' } }, 'warning')[0]).toContain('does not exist yet: this deploy creates it');
    const pending = texts({ ...ready, identity: { status: 'found', verified: false, dkim: 'PENDING', mailFrom: 'PENDING' } }, 'warning');
    expect(pending).toEqual([
      expect.stringContaining('is not verified yet (DKIM: PENDING)'),
      expect.stringContaining('The MAIL FROM domain mail.huunghi.example.vn is PENDING: add its MX and SPF records'),
    ]);
  });

  it('says in one sentence that AWS could not be asked when it is out of reach, and deploys nothing', async () => {
    const closed = await freePort();
    const facts = await gatherAwsFacts(prod, {
      endpoint: `http://127.0.0.1:${closed}`,
      credentials: { accessKeyId: 'offline', secretAccessKey: 'offline' },
    });
    expect(facts.bootstrap).toHaveProperty('unreachable');
    const findings = assessDeployment(prod, facts);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ level: 'blocker' });
    expect(findings[0]!.text).toMatch(/^Could not ask AWS in ap-southeast-1 \(.+\)\. Offline, or no credentials/);
  });
});
