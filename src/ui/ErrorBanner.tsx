import { useSim } from '../store/use-sim';
import { selectError } from '../store/selectors';
import { setError } from '../store/store';

export function ErrorBanner() {
  const error = useSim(selectError);
  if (!error) return null;
  return (
    <div className={`banner ${error.fatal ? 'banner-fatal' : ''}`} role="alert">
      <span>{error.message}</span>
      <button type="button" onClick={() => setError(null)} aria-label="Dismiss message">
        ×
      </button>
    </div>
  );
}
