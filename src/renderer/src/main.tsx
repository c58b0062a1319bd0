// Tokens and the shared styles first: each view's own CSS comes after them.
import './styles/tokens.css';
import './styles/base.css';
import './shared/shared.css';
import { prefetchDesk } from './desk/firstScreen';
import { prefetch } from './shared/desk';
import { createHttpDesk } from './shared/httpDesk';

// In Electron the preload provides window.desk over IPC; served by the desk server, it speaks HTTP.
if (!window.desk) window.desk = createHttpDesk();

// The app's code (React, Lexical, the views: most of the page's script) is asked for first; then what the first screen
// shows, all together, so the answers come while the code loads.
import('./app/start').catch(() => {
  document.getElementById('root')!.textContent = 'Wiredesk could not load its code. Reload the window; if it happens again, restart the desk.';
});
prefetch('getSettings', {});
prefetchDesk();
