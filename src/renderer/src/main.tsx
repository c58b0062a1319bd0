import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createHttpDesk } from './lib/httpDesk';
import './styles.css';

// In Electron the preload provides window.desk over IPC; served by the desk server, it speaks HTTP.
if (!window.desk) window.desk = createHttpDesk();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
