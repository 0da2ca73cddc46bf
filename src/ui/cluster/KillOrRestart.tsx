import { killBroker, restartBroker } from '../../store/actions';

/** Restart for a broker that is down, Kill (kill -9) for one that is up. */
export function KillOrRestart({ id, down }: { id: number; down: boolean }) {
  return down ? (
    <button
      type="button"
      onClick={() => restartBroker(id)}
      aria-label={`Restart broker ${id}`}
      title="Start the broker again"
    >
      Restart
    </button>
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
