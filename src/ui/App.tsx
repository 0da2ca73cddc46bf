import './app.css';
import { Toolbar } from './controls/Toolbar';
import { ErrorBoundary } from './ErrorBoundary';
import { Timeline } from './timeline/Timeline';
import { Stage } from './cluster/Stage';
import { StatusBar } from './status/StatusBar';
import { EventLog } from './events/EventLog';
import { SidePanel } from './SidePanel';
import { ErrorBanner } from './ErrorBanner';
import { useShortcuts } from './controls/use-shortcuts';
import { useSim } from '../store/use-sim';
import { selectTheme } from '../store/selectors';
import { useUi } from './use-ui';
import { ShortcutsHelp } from './controls/ShortcutsHelp';
import { Subtitles } from './lessons/Subtitles';
import './readable.css';

export function App() {
  const theme = useSim(selectTheme);
  const presenter = useUi('presenter');
  useShortcuts();
  return (
    <div className="app" data-theme={presenter ? 'contrast' : theme} data-presenter={presenter}>
      <Toolbar />
      <Timeline />
      <ErrorBanner />
      <main className="main">
        <ErrorBoundary area="cluster">
          <Stage />
        </ErrorBoundary>
        <ErrorBoundary area="side panel">
          <SidePanel />
        </ErrorBoundary>
      </main>
      <ErrorBoundary area="status bar">
        <StatusBar />
      </ErrorBoundary>
      <ErrorBoundary area="event log">
        <EventLog />
      </ErrorBoundary>
      <Subtitles />
      <ShortcutsHelp />
    </div>
  );
}
