import { useSim } from '../store/use-sim';
import { selectError } from '../store/selectors';
import { setError } from '../store/store';
import { restartFromLastGood } from '../client/boot';

export function ErrorBanner() {
  const error = useSim(selectError);
  if (!error) return null;
  return (
    <div
      className={`banner ${error.fatal ? 'banner-fatal' : ''}`}
      role="alert"
      data-fatal={error.fatal}
    >
      <span>{error.message}</span>
      {error.fatal ? (
        <button
          type="button"
          onClick={() => {
            setError(null);
            restartFromLastGood();
          }}
        >
          Restart from the last good state
        </button>
      ) : null}
      <button type="button" onClick={() => setError(null)} aria-label="Dismiss message">
        ×
      </button>
    </div>
  );
}
