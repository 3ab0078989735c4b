import { useState } from 'preact/hooks';
import { errorText } from '../../lib/error-text.js';


/**
 * The two steps of an import the API checks before it writes: the same request sent with
 * `?preview=true` (nothing written, every row's fate shown) and then for real. What was previewed
 * is kept and committed as it was, so the commit sends exactly what the organiser saw checked.
 */
export function usePreviewThenCommit<Pending, Result>(send: (pending: Pending, preview: boolean) => Promise<Result>, done: { previewed: (result: Result) => void; committed: (result: Result) => void }) {
  const [shown, setShown] = useState<{ result: Result; pending: Pending; committed: boolean }>();
  const [busy, setBusy] = useState<'preview' | 'commit'>();
  const [error, setError] = useState<string>();

  async function step(pending: Pending, preview: boolean) {
    setBusy(preview ? 'preview' : 'commit');
    setError(undefined);
    if (preview) setShown(undefined);
    try {
      const result = await send(pending, preview);
      setShown({ result, pending, committed: !preview });
      (preview ? done.previewed : done.committed)(result);
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(undefined);
    }
  }

  return {
    shown,
    busy,
    error,
    preview: (pending: Pending) => step(pending, true),
    commit: () => (shown ? step(shown.pending, false) : Promise.resolve()),
    /** The inputs changed or the dialog closed: the last preview no longer holds. */
    reset: () => {
      setShown(undefined);
      setError(undefined);
    },
  };
}
