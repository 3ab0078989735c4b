import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The arrows of docs/STYLE.md, read from the source: functions/ → shared/ use cases → repositories,
 * the only files that talk to DynamoDB; shared/ never reaches back into functions/ or web/; the
 * console and the participant pages use shared/ schemas, never an AWS SDK or functions/.
 */
const repo = join(import.meta.dirname, '../..');

function sourcesUnder(folder: string): string[] {
  return readdirSync(join(repo, folder), { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.tsx?$/.test(path) && !path.includes('node_modules') && !path.startsWith('dist'))
    .map((path) => join(folder, path));
}

/** Each `import … from '…'` and `export … from '…'` of a file, with whether it is type-only. */
function importsOf(file: string): { from: string; typeOnly: boolean }[] {
  const source = readFileSync(join(repo, file), 'utf8');
  return [...source.matchAll(/^(?:import|export)\s+(type\s+)?[^'"]*?\sfrom\s+['"]([^'"]+)['"]/gms)].map((match) => ({
    from: match[2]!,
    typeOnly: Boolean(match[1]),
  }));
}

const dynamoDb = /^@aws-sdk\/(client-dynamodb|lib-dynamodb|util-dynamodb)$/;
/** Where DynamoDB may be called: repositories, the shared table helpers, the client, local wiring. */
const mayCallDynamoDb = (file: string) =>
  /-repository\.ts$/.test(file) || file.startsWith('shared/db/') || file.startsWith('shared/aws/') || file === 'functions/local/start.ts';

describe('imports point inward', () => {
  const backend = [...sourcesUnder('shared'), ...sourcesUnder('functions')];

  it('reads the tree it checks', () => {
    expect(backend.length).toBeGreaterThan(100);
    expect(backend).toContain('shared/invitations/invitations-repository.ts');
  });

  it('only repositories and the shared table helpers talk to DynamoDB', () => {
    const offenders = backend.filter((file) => !mayCallDynamoDb(file) && importsOf(file).some((i) => dynamoDb.test(i.from) && !i.typeOnly));
    expect(offenders).toEqual([]);
  });

  it('routes call use cases, never a repository', () => {
    const routes = sourcesUnder('functions/api/routes');
    expect(routes.length).toBeGreaterThan(10);
    const offenders = routes.flatMap((file) =>
      importsOf(file)
        .filter((i) => /-repository(\.js)?$/.test(i.from) && !i.typeOnly)
        .map((i) => `${file} → ${i.from}`),
    );
    expect(offenders).toEqual([]);
  });

  it('shared/ never imports from functions/, web/ or infra/', () => {
    const offenders = sourcesUnder('shared').flatMap((file) =>
      importsOf(file)
        .filter((i) => i.from.startsWith('.') && /^(functions|web|infra)\//.test(relative(repo, join(repo, file, '..', i.from))))
        .map((i) => `${file} → ${i.from}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the web pages use shared/, never functions/ or an AWS SDK', () => {
    const offenders = sourcesUnder('web')
      .filter((file) => file !== 'web/build.ts')
      .flatMap((file) =>
        importsOf(file)
          .filter((i) => i.from.startsWith('@aws-sdk/') || (i.from.startsWith('.') && /^functions\//.test(relative(repo, join(repo, file, '..', i.from)))))
          .map((i) => `${file} → ${i.from}`),
      );
    expect(offenders).toEqual([]);
  });
});
