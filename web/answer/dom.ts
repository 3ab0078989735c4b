/**
 * The few DOM helpers the participant page needs, in place of a framework: the page stays a few
 * kilobytes, and every text goes in as text (names and answers typed by people are never HTML).
 */
export type Child = Node | string | false | null | undefined | Child[];
export type Attrs = Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>;

/** `h('button', { type: 'button', onclick: go }, 'Go')`; false/null/undefined attributes and children are left out. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node: Node, children: Child[]) {
  for (const child of children) {
    if (Array.isArray(child)) append(node, child);
    else if (child !== undefined && child !== null && child !== false) node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Greys out the button that sent a request and says so, without drawing the page again mid-request. */
export function showSending(buttonId: string, text: string) {
  const button = document.getElementById(buttonId) as HTMLButtonElement | null;
  if (button) {
    button.disabled = true;
    button.textContent = text;
  }
}
