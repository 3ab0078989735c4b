import type { PapersDeps } from './papers-deps.js';
import type { PapersSettings } from './papers-settings-schema.js';

/** An admin's heading and signature for the papers, recorded with who saved them and when. */
export async function savePapersSettings(deps: Pick<PapersDeps, 'papers' | 'now'>, settings: PapersSettings, userId: string): Promise<PapersSettings> {
  await deps.papers.saveSettings(settings, userId, deps.now().toISOString());
  return settings;
}
