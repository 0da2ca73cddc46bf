import { killBroker, restartBroker } from '../../store/actions';

/**
 * Kill (kill -9) for a broker that is up; Restart for one that is down, one slot further along,
 * so a second click where Kill was does not bring the broker straight back.
 */
export function KillOrRestart({ id, down }: { id: number; down: boolean }) {
  return down ? (
    <>
      <span
        className="kill-slot"
        aria-hidden="true"
        style={{ visibility: 'hidden', padding: '0 8px' }}
      >
        Kill
      </span>
      <button
        type="button"
        onClick={() => restartBroker(id)}
        aria-label={`Restart broker ${id}`}
        title="Start the broker again"
      >
        Restart
      </button>
    </>
  ) : (
    <button
      type="button"
      className="danger"
      onClick={() => killBroker(id)}
      aria-label={`Kill broker ${id}`}
      title="Hard crash (kill -9)"
    >
      Kill
    </button>
  );
}
