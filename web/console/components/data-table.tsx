import type { ComponentChildren } from 'preact';

/** A column heading: its text (or a control, such as select-all), and a class for its cells. */
export type Column = ComponentChildren | { label: ComponentChildren; class?: string };

const isHeading = (column: Column): column is { label: ComponentChildren; class?: string } =>
  typeof column === 'object' && column !== null && 'label' in column;

/** A table's column headings (a `false` one is left out). */
export function TableHead(props: { columns: (Column | false)[] }) {
  return (
    <thead>
      <tr>
        {props.columns.map((column, index) =>
          column === false ? null : (
            <th key={index} scope="col" class={isHeading(column) ? column.class : undefined}>
              {isHeading(column) ? column.label : column}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}

/**
 * A list as a table in a box that scrolls sideways when it is wider than the screen; with the
 * `stack` class (console.css) each row becomes a card on a phone, its cells labelled by
 * `data-label`. The page gives the column headings (a `false` one is left out) and the rows. With a
 * `label`, the box is a named region that takes the keyboard's focus, so its hidden columns can be
 * scrolled to without a mouse.
 */
export function DataTable(props: { class: string; columns: (Column | false)[]; children: ComponentChildren; label?: string }) {
  return (
    <div class="table-scroll" {...(props.label ? { role: 'region', 'aria-label': props.label, tabIndex: 0 } : {})}>
      <table class={props.class}>
        <TableHead columns={props.columns} />
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
