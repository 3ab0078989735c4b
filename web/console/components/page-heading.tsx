import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { useText } from '../context.js';

/**
 * The page's <h1>. It takes focus when the user navigates to the page (app.tsx), so a screen
 * reader starts reading the new page there, and it names the browser tab.
 */
export function PageHeading(props: { text: string; lang?: string; children?: ComponentChildren }) {
  const t = useText();
  useEffect(() => {
    document.title = props.text ? `${props.text} · ${t('app.name')}` : t('app.name');
  }, [props.text, t]);
  return (
    <div class="page-heading">
      <h1 tabIndex={-1} lang={props.lang}>
        {props.text}
      </h1>
      {props.children}
    </div>
  );
}
