import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const vnuJar = join(createRequire(import.meta.url).resolve('vnu-jar'), '../build/dist/vnu.jar');

type NuMessage = { type: string; url?: string; lastLine?: number; message: string; extract?: string };

/**
 * The W3C Nu Html Checker (npm vnu-jar, on the Java DynamoDB Local needs) over many documents in
 * one run: starting Java once is most of its time; stylesheets (paths) are checked in the same run.
 * Answers each error as "name:line: message".
 */
export async function nuErrors(documents: { name: string; html: string }[], stylesheets: string[] = []): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'nu-'));
  try {
    const files = documents.map((doc, i) => {
      const file = join(dir, `${String(i).padStart(3, '0')}-${doc.name.replace(/[^\w.-]+/g, '_')}.html`);
      writeFileSync(file, doc.html);
      return file;
    });
    // vnu exits 1 when it finds errors and writes its JSON report on stderr either way.
    const { stderr } = await run('java', ['-Xss4m', '-jar', vnuJar, '--format', 'json', '--errors-only', '--also-check-css', ...files, ...stylesheets], { maxBuffer: 64 * 1024 * 1024 }).catch(
      (failure: { stderr?: string }) => ({ stderr: failure.stderr ?? '' }),
    );
    const report = JSON.parse(stderr) as { messages: NuMessage[] };
    return report.messages
      .filter((m) => m.type === 'error' || m.type === 'non-document-error')
      .map((m) => `${(m.url ?? '').replace(/^.*\/(\d{3}-)?/, '')}:${m.lastLine ?? '?'}: ${m.message}${m.extract ? ` [${m.extract.trim().slice(0, 120)}]` : ''}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
