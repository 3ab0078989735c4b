import type { PapersDeps } from './papers-deps.js';
import { defaultPapersSettings, type PapersSettings } from './papers-settings-schema.js';

/** How papers are headed and signed: what an admin saved, else the union's defaults. */
export async function getPapersSettings(deps: Pick<PapersDeps, 'papers'>): Promise<PapersSettings> {
  return (await deps.papers.findSettings()) ?? defaultPapersSettings;
}
