import { useEffect, useRef } from 'preact/hooks';
import { errorText } from '../../lib/error-text.js';
import { useFormState } from './form.js';

/**
 * A form in a modal <dialog> that opens when mounted: `submit` runs the save with the form busy,
 * closes the dialog when it succeeds, and shows why it failed otherwise.
 */
export function useModalForm<T extends object>(initial: T) {
  const form = useFormState<T>(initial);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  async function submit(save: () => Promise<void>) {
    form.setBusy(true);
    try {
      await save();
      ref.current?.close();
    } catch (error) {
      form.setErrors({ '': errorText(error) });
    } finally {
      form.setBusy(false);
    }
  }
  return { form, ref, submit, close: () => ref.current?.close() };
}
