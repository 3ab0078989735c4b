import type { UnionSigner } from '../email/mail-layout.js';
import type { UnitDirectory } from './unit-directory.js';
import type { UnitsRepository } from './units-repository.js';

export type UnitsDeps = {
  units: UnitsRepository;
  directory: UnitDirectory;
  now: () => Date;
  /** The union as configured (UNION_NAME, UNION_NAME_EN, MAIL_FROM's display name): the root unit. */
  root: { signer: UnionSigner; senderName?: string };
};
