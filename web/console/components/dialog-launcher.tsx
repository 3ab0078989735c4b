import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * A button that opens a modal dialog of its own (the native <dialog>: focus kept inside, Escape
 * closes, focus back on the button). The dialog's content is mounted only while it is open, so it
 * starts fresh each time; `close` closes it as Escape would. `load` fetches the content's code
 * before the first opening.
 */
export function DialogLauncher(props: { label: string; titleId: string; class: string; children: (close: () => void) => ComponentChildren; load?: () => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (open && !ref.current?.open) ref.current?.showModal();
  }, [open]);
  const close = () => ref.current?.close();
  return (
    <>
      <button type="button" class="button" onClick={() => void (props.load?.() ?? Promise.resolve()).then(() => setOpen(true))}>
        {props.label}
      </button>
      {open && (
        <dialog ref={ref} class={`dialog wide ${props.class}`} aria-labelledby={props.titleId} onClose={() => setOpen(false)} onCancel={() => setOpen(false)}>
          {props.children(close)}
        </dialog>
      )}
    </>
  );
}
