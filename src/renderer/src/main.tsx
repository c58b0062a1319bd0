import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Tokens and the shared styles first: each view's own CSS comes after them.
import './styles/tokens.css';
import './styles/base.css';
import './shared/shared.css';
import { App } from './app/App';
import { prefetchDesk } from './desk/DeskView';
import { prefetch } from './shared/desk';
import { createHttpDesk } from './shared/httpDesk';

// In Electron the preload provides window.desk over IPC; served by the desk server, it speaks HTTP.
if (!window.desk) window.desk = createHttpDesk();

// What the first screen shows is asked for at once, all together, not one answer after another.
prefetch('getSettings', {});
prefetchDesk();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
