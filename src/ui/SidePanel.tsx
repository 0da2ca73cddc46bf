import { PartitionInspector } from './inspector/PartitionInspector';
import { WhyLost } from './loss/WhyLost';
import { WalkPanel } from './walk/WalkPanel';
import { ClientsPanel } from './clients/ClientsPanel';
import { ConfigPanel } from './controls/ConfigPanel';
import { Legend } from './messages/Legend';
import { NetworkPanel } from './controls/NetworkPanel';

export function SidePanel() {
  return (
    <aside className="side" aria-label="Details and controls">
      <WhyLost />
      <WalkPanel />
      <PartitionInspector />
      <ClientsPanel />
      <ConfigPanel />
      <NetworkPanel />
      <Legend />
    </aside>
  );
}
