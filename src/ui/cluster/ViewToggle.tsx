import { setUi } from '../../store/store';
import './view-toggle.css';

/** Switch between the broker cards and the large-cluster overview. */
export function ViewToggle({ overview }: { overview: boolean }) {
  return (
    <div className="view-toggle" role="group" aria-label="Cluster view">
      <button
        type="button"
        aria-pressed={!overview}
        onClick={() => setUi({ clusterView: 'cards' })}
      >
        Cards
      </button>
      <button
        type="button"
        aria-pressed={overview}
        onClick={() => setUi({ clusterView: 'overview' })}
      >
        Overview
      </button>
    </div>
  );
}
