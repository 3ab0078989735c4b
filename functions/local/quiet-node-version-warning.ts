// The AWS SDK warns on Node 20 that releases after January 2027 will need Node 22. The stack is
// fixed on Node 20 and the lockfile pins the SDK, so the warning only hides the start-up lines.
const defaultListeners = process.listeners('warning');
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.message.startsWith('NodeVersionSupportWarning')) return;
  for (const listener of defaultListeners) listener(warning);
});
