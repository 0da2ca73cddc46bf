import { useUi } from '../use-ui';
import { setUi } from '../../store/store';
import { LEGEND_KINDS, MESSAGE_STYLES } from '../../viz/colors';
import type { MessageKind } from '../../protocol/view';
import './legend.css';

/** What each particle colour means, with a toggle to hide a kind (heartbeats are hidden at first). */
export function Legend() {
  const hiddenKinds = useUi('hiddenKinds');
  const toggle = (kind: MessageKind) => {
    const hide = !hiddenKinds[kind];
    const patch: Partial<Record<MessageKind, boolean>> = { ...hiddenKinds, [kind]: hide };
    if (kind === 'heartbeat') patch.heartbeatResponse = hide;
    if (kind === 'alterPartition') patch.alterPartitionResponse = hide;
    setUi({ hiddenKinds: patch });
  };
  return (
    <section className="panel legend" aria-label="Message legend">
      <h2>Messages</h2>
      <ul>
        {LEGEND_KINDS.map((kind) => (
          <li key={kind}>
            <label>
              <input type="checkbox" checked={!hiddenKinds[kind]} onChange={() => toggle(kind)} />
              <span className="swatch" style={{ background: MESSAGE_STYLES[kind].color }} />
              {MESSAGE_STYLES[kind].label}
            </label>
          </li>
        ))}
      </ul>
      <p className="hint">Big dots carry records; red dots are errors.</p>
    </section>
  );
}
