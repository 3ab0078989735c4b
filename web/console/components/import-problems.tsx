import type { ComponentChildren } from 'preact';
import { defineMessages } from '../../lib/i18n.js';
import { useText } from '../context.js';

const messages = defineMessages({
  vi: { row: 'Dòng {row}' },
  en: { row: 'Row {row}' },
});

/** At most this many problems are drawn: a file with thousands of bad rows stays readable. */
const shownAtMost = 200;

/**
 * The rows an import left out or found repeated, under a heading: the row, the field or address
 * at fault, and why. Used by the invitee import and the contact import; nothing when `items` is empty.
 */
export function ImportProblems<T extends { row?: number }>(props: {
  title: string;
  items: T[];
  /** The field at fault, or the repeated address. */
  field: (item: T) => string | undefined;
  text: (item: T) => ComponentChildren;
  /** Says how many were not drawn; without it the rest goes unmentioned. */
  more?: (count: number) => string;
}) {
  const t = useText(messages);
  if (!props.items.length) return null;
  return (
    <>
      <h4>{props.title}</h4>
      <ul class="problems">
        {props.items.slice(0, shownAtMost).map((item, index) => {
          const field = props.field(item);
          return (
            <li key={index}>
              {item.row !== undefined && <strong class="problem-row">{t('row', { row: item.row })}</strong>}
              {field && <span class="problem-field">{field}</span>}
              <span class="problem-text">{props.text(item)}</span>
            </li>
          );
        })}
      </ul>
      {props.more && props.items.length > shownAtMost && <p class="muted">{props.more(props.items.length - shownAtMost)}</p>}
    </>
  );
}
