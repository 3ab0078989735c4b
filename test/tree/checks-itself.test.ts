import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '../..');
const checkScript = join(repo, 'test/setup/check-tree.sh');
const run = promisify(execFile);
const copies: string[] = [];

const cleanGreeting = "import { normalizeText } from './vietnamese.js';\n\nexport const greeting = (name: string): string => normalizeText(name);\n";

/**
 * A small copy of the tree with the repository's own settings (tsconfig, biome.json, ignore
 * file) and a few real source files, where a problem can be planted without touching the tree;
 * `greeting` is the source of its one file of our own. Removed after the test.
 */
function copyOfTree(greeting = cleanGreeting): string {
  const root = mkdtempSync(join(tmpdir(), 'tree-check-'));
  copies.push(root);
  for (const file of ['tsconfig.json', 'biome.json', '.gitignore', 'package.json', 'shared/text/vietnamese.ts', 'web/console/console.css']) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    cpSync(join(repo, file), join(root, file));
  }
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'), 'dir');
  writeFileSync(join(root, 'shared/text/greeting.ts'), greeting);
  return root;
}

async function check(root: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run('bash', [checkScript, root], { encoding: 'utf8' });
    return { code: 0, output: stdout + stderr };
  } catch (failure) {
    const { code, stdout, stderr } = failure as { code: number; stdout: string; stderr: string };
    return { code, output: stdout + stderr };
  }
}

afterEach(() => {
  for (const root of copies.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('the tree checks itself before the suite runs', () => {
  it('runs the check from npm test, before vitest', () => {
    const scripts = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).scripts as Record<string, string>;
    expect(scripts.pretest).toContain('bash test/setup/check-tree.sh');
    expect(scripts.test).toMatch(/^vitest run/);
  });

  it('passes a clean copy, so each failure below comes from the planted problem', { timeout: 120_000 }, async () => {
    const result = await check(copyOfTree());
    expect(result.output).toContain('lint and typecheck passed');
    expect(result.code).toBe(0);
  });

  it.each([
    {
      problem: 'a type error',
      greeting: "import { normalizeText } from './vietnamese.js';\n\nexport const greeting: number = normalizeText('Kính gửi');\n",
      report: /greeting\.ts.*error TS2322/,
    },
    {
      problem: 'an unused import',
      greeting: "import { foldAccents, normalizeText } from './vietnamese.js';\n\nexport const greeting = (name: string): string => normalizeText(name);\n",
      report: /noUnusedImports/,
    },
  ])('fails on $problem', { timeout: 120_000 }, async ({ greeting, report }) => {
    const result = await check(copyOfTree(greeting));
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(report);
  });

  it('fails on a merge-conflict line, in CSS as in the check-in page once', { timeout: 120_000 }, async () => {
    const root = copyOfTree();
    const css = join(root, 'web/console/console.css');
    writeFileSync(css, readFileSync(css, 'utf8').replace('/* ===== Check-in at the door', '=======\n/* ===== Check-in at the door'));
    const result = await check(root);
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/console\.css:\d+:=======/);
    // Biome reads CSS too: there the line is a parse error, which the lint step alone would report.
    await expect(run(join(repo, 'node_modules/.bin/biome'), ['lint', css], { cwd: root })).rejects.toMatchObject({ stderr: expect.stringContaining("found '======='") });
  });
});
