import { createRoot, hydrateRoot } from 'react-dom/client';
import { Page, type PageProps } from './Page.js';

// The server put the page's props in the HTML; a server-rendered page hydrates, a client one renders.
const props = (window as unknown as { __PAGE__: PageProps & { rendered: boolean } }).__PAGE__;
const root = document.getElementById('root') as HTMLElement;
if (props.rendered) hydrateRoot(root, <Page {...props} />);
else createRoot(root).render(<Page {...props} />);
