import type { ComponentChildren } from 'preact';

/**
 * A small button acting on one row of a list (a person, a form field): its short text is seen,
 * its label names the row for a screen reader ("Sửa Nguyễn Văn An"), since a list has many
 * buttons of one text.
 */
export function RowAction(props: {
  label: string;
  children: ComponentChildren;
  onClick: () => void;
  disabled?: boolean;
  danger?: 'danger' | 'danger-outline';
  id?: string;
}) {
  return (
    <button
      type="button"
      class={props.danger ? `button small ${props.danger}` : 'button small'}
      id={props.id}
      disabled={props.disabled}
      aria-label={props.label}
      onClick={props.onClick}
    >
      {props.children}
    </button>
  );
}
