import { type ReactNode, Suspense, lazy, useCallback, useEffect, useMemo, useState } from 'react';
import { affects } from '@core/changes';
import type { DeskSettings } from '@core/settings';
import { DeskView } from '@renderer/desk/DeskView';
import { HubBanner } from '@renderer/hub/HubBanner';
import { CommandPalette, loadPaletteList } from '@renderer/shared/CommandPalette';
import { CommandsProvider, useCommands } from '@renderer/shared/commands';
import { desk } from '@renderer/shared/desk';
import { useDeskEvents } from '@renderer/shared/useDeskEvents';
import { AppContext, type AppState, type DeskRequest, type SettingsRequest, VIEWS, type View } from './AppContext';
import './app.css';

// The desk opens first; the other views load after it (their code is not parsed before the
// editor takes a key) and are fetched while the desk is idle, so a switch does not wait.
const loadQueue = () => import('@renderer/queue/QueueView');
const loadBatches = () => import('@renderer/batches/BatchesView');
const loadImport = () => import('@renderer/import/ImportView');
const loadSettings = () => import('@renderer/settings/SettingsView');
const QueueView = lazy(() => loadQueue().then((m) => ({ default: m.QueueView })));
const BatchesView = lazy(() => loadBatches().then((m) => ({ default: m.BatchesView })));
const ImportView = lazy(() => loadImport().then((m) => ({ default: m.ImportView })));
const SettingsView = lazy(() => loadSettings().then((m) => ({ default: m.SettingsView })));

const TABS: Record<View, string> = { desk: 'Desk', queue: 'Queue', batches: 'Batches', import: 'Import', settings: 'Settings' };

export function App() {
  return (
    <CommandsProvider>
      <Shell />
      <CommandPalette />
    </CommandsProvider>
  );
}

function Shell() {
  const [view, setView] = useState<View>('desk');
  const [settings, setSettings] = useState<DeskSettings | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);
  const [deskRequest, setDeskRequest] = useState<DeskRequest | null>(null);
  const [settingsRequest, setSettingsRequest] = useState<SettingsRequest | null>(null);
  // The queue's tab and filters, and import work in progress, survive a look at another view:
  // once opened, these views stay mounted, hidden.
  const [kept, setKept] = useState<ReadonlySet<View>>(new Set());
  useEffect(() => {
    if (view === 'queue' || view === 'import') setKept((k) => (k.has(view) ? k : new Set(k).add(view)));
  }, [view]);

  const askDesk = useCallback((request: DeskRequest) => {
    setDeskRequest(request);
    setView('desk');
  }, []);

  // Electron's File menu: a view, or a new item (which the desk view takes when it is on screen).
  useEffect(
    () =>
      window.deskShell?.onMenu((command) => {
        if (command === 'new-item') askDesk({ kind: 'new' });
        else if ((VIEWS as readonly string[]).includes(command)) setView(command as View);
      }),
    [askDesk],
  );

  // New item from anywhere (Alt+N in both shells; Ctrl+N too where the browser lets it through), and the views: palette and keys.
  useCommands([
    { id: 'new-item', label: 'New item', group: 'Desk', keys: ['Alt+N', 'Ctrl+N'], run: () => askDesk({ kind: 'new' }) },
    ...VIEWS.map((v) => ({ id: `go-${v}`, label: `Go to ${TABS[v]}`, group: 'Go to', disabled: view === v, run: () => setView(v) })),
  ]);

  useEffect(() => {
    void desk('getSettings', {}).then((r) => (r.ok ? setSettings(r.value) : setFatal(r.error.message)));
  }, []);
  // A moment after the desk is up, fetch the other views' code so switching to them does not wait.
  useEffect(() => {
    // (When the browser is next idle: on a slow machine not while the desk is still being drawn.)
    const fetchViews = () => void Promise.all([loadQueue(), loadBatches(), loadImport(), loadSettings(), loadPaletteList()]).catch(() => undefined);
    const t = setTimeout(() => (window.requestIdleCallback ? window.requestIdleCallback(fetchViews, { timeout: 2000 }) : fetchViews()), 1000);
    return () => clearTimeout(t);
  }, []);
  // Settings saved in another window or process apply here too.
  useDeskEvents((e) => {
    if (affects(e, 'settings')) void desk('getSettings', {}).then((r) => r.ok && setSettings(r.value));
  });

  const app = useMemo<AppState | null>(
    () =>
      settings && {
        settings,
        setSettings,
        view,
        go: setView,
        openItem: (id) => askDesk({ kind: 'open', id }),
        deskRequest,
        takeDeskRequest: () => setDeskRequest(null),
        settingsRequest,
        showSettings: (request) => {
          setSettingsRequest(request);
          setView('settings');
        },
        takeSettingsRequest: () => setSettingsRequest(null),
      },
    [settings, view, deskRequest, settingsRequest, askDesk],
  );

  if (fatal) {
    return (
      <main className="fatal" role="alert">
        <h1>Wiredesk cannot reach its desk</h1>
        <p>{fatal}</p>
      </main>
    );
  }
  if (!app) return <main className="loading">Opening the desk…</main>;

  const keep = (v: View, node: ReactNode) =>
    (view === v || kept.has(v)) && (
      <div className="view-host" hidden={view !== v}>
        {node}
      </div>
    );
  return (
    <AppContext.Provider value={app}>
      <div className="app">
        <header className="topbar">
          <span className="brand">Wiredesk</span>
          <nav aria-label="Views" className="views">
            {VIEWS.map((v) => (
              <button key={v} type="button" aria-current={view === v ? 'page' : undefined} onClick={() => setView(v)}>
                {TABS[v]}
              </button>
            ))}
          </nav>
          <span className="who">
            {app.settings.deskName} · {app.settings.editorName}
          </span>
        </header>
        <HubBanner />
        {view === 'desk' && <DeskView />}
        <Suspense fallback={<p className="view-loading">Loading…</p>}>
          {keep('queue', <QueueView active={view === 'queue'} />)}
          {view === 'batches' && <BatchesView />}
          {keep('import', <ImportView />)}
          {view === 'settings' && <SettingsView />}
        </Suspense>
      </div>
    </AppContext.Provider>
  );
}
