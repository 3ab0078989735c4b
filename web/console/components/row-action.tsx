import type { ComponentChildren } from 'preact';

/**
 * A small button acting on one person of a list: its short text is seen, its label names the
 * person for a screen reader ("Sửa Nguyễn Văn An"), since a list has many buttons of one text.
 */
export function RowAction(props: { label: string; children: ComponentChildren; onClick: () => void; disabled?: boolean; danger?: 'danger' | 'danger-outline' }) {
  return (
    <button type="button" class={props.danger ? `button small ${props.danger}` : 'button small'} disabled={props.disabled} aria-label={props.label} onClick={props.onClick}>
      {props.children}
    </button>
  );
}
