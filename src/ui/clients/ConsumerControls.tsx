import { useSim } from '../../store/use-sim';
import { selectClient } from '../../store/selectors';
import { setSubscribed } from '../../store/actions';
import './client-controls.css';

export function ConsumerControls({ id }: { id: string }) {
  const client = useSim(selectClient(id));
  if (!client) return null;
  return (
    <div className="client-controls" aria-label={`Consumer ${id}`} role="group">
      <div className="row">
        <strong>{id}</strong>{' '}
        <span className="muted">
          {client.consumed} records read (only below the high watermark)
        </span>
      </div>
      <div className="row">
        <button
          type="button"
          aria-pressed={client.subscribed}
          onClick={() => setSubscribed(id, !client.subscribed)}
          aria-label={`${client.subscribed ? 'Stop' : 'Start'} consumer ${id}`}
        >
          {client.subscribed ? 'Stop consuming' : 'Start consuming'}
        </button>
      </div>
    </div>
  );
}
