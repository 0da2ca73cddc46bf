import { Toolbar } from './controls/Toolbar';
import { Timeline } from './timeline/Timeline';
import { Stage } from './cluster/Stage';
import { StatusBar } from './status/StatusBar';
import { EventLog } from './events/EventLog';
import { SidePanel } from './SidePanel';
import { ErrorBanner } from './ErrorBanner';
import { useShortcuts } from './controls/use-shortcuts';
import { useSim } from '../store/use-sim';
import { selectTheme } from '../store/selectors';

export function App() {
  const theme = useSim(selectTheme);
  useShortcuts();
  return (
    <div className="app" data-theme={theme}>
      <Toolbar />
      <Timeline />
      <ErrorBanner />
      <main className="main">
        <Stage />
        <SidePanel />
      </main>
      <StatusBar />
      <EventLog />
    </div>
  );
}
