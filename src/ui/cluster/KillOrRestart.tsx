import { ActionButton, useAction } from '../actions/ActionButton';

/**
 * Kill (kill -9) for a broker that is up; Restart for one that is down, one slot further along,
 * so a second click where Kill was does not bring the broker straight back.
 */
export function KillOrRestart({ id }: { id: number }) {
  const kill = useAction('kill', id);
  return kill.applies ? (
    <ActionButton id="kill" broker={id} className="danger" />
  ) : (
    <>
      <span
        className="kill-slot"
        aria-hidden="true"
        style={{ visibility: 'hidden', padding: '0 8px' }}
      >
        {kill.label}
      </span>
      <ActionButton id="restart" broker={id} />
    </>
  );
}
