import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import { useText } from '../context.js';

/**
 * A modal question before an action that cannot be undone. The native <dialog> keeps focus
 * inside, closes on Escape and gives focus back to the button that opened it; the safe answer
 * comes first and has the focus.
 */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  children?: ComponentChildren;
  confirmLabel: string;
  cancelLabel?: string;
  danger?: boolean;
  busy?: boolean;
  /** Shown on the confirming button, and read out, while the action runs ("Đang gửi…"). */
  busyLabel?: string;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const t = useText();
  const ref = useRef<HTMLDialogElement>(null);
  // A page may hold several of these dialogs: each names itself by its own ids.
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  }, [props.open]);
  return (
    <dialog
      ref={ref}
      class="dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onClose={() => props.onClose()}
      onCancel={() => props.onClose()}
    >
      <h2 id={`${id}-title`}>{props.title}</h2>
      <div id={`${id}-body`}>{props.children}</div>
      <div class="actions">
        {/* The safe choice has the focus when the dialog opens. Lowercase: the DOM property, so
            Preact writes the boolean attribute (camel-case autoFocus became autofocus="true"). */}
        <button type="button" class="button" autofocus onClick={() => ref.current?.close()}>
          {props.cancelLabel ?? t('common.back')}
        </button>
        <button
          type="button"
          class={props.danger ? 'button danger' : 'button primary'}
          disabled={props.busy}
          aria-busy={props.busy && props.busyLabel ? 'true' : undefined}
          onClick={() => props.onConfirm()}
        >
          {props.busy && props.busyLabel ? <span class="spinner-label">{props.busyLabel}</span> : props.confirmLabel}
        </button>
      </div>
      <p class="visually-hidden" role="status">
        {props.busy && props.busyLabel ? props.busyLabel : ''}
      </p>
    </dialog>
  );
}
