import { renderToString } from 'react-dom/server';
import { Page, type PageProps } from './Page.js';

/** The page's HTML as a server renders it. */
export function render(props: PageProps): string {
  return renderToString(<Page {...props} />);
}
