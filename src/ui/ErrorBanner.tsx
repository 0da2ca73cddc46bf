// Messages for the user (a refused input names what is wrong), the loading state of a long build
// or replay (with Cancel), and a dead worker (with Recover). User strings may be long or
// right-to-left: the text wraps, is cut at a length with the whole of it in the title, and is
// isolated from the sentence around it.
import { useSim } from '../store/use-sim';
import { selectError } from '../store/selectors';
import { setError, type SimStoreState } from '../store/store';
import { cancelLoading, recoverRun } from '../store/boot';
import './error-banner.css';

/** Longer messages are cut (the whole text stays in the title). */
const MAX_SHOWN = 600;

const selectLoading = (s: SimStoreState) => s.loading;

export function ErrorBanner() {
  const error = useSim(selectError);
  const loading = useSim(selectLoading);
  if (!loading && !error) return null;
  return (
    <div className="banners">
      {loading ? (
        <div className="banner banner-loading" role="status" data-testid="loading">
          <span>
            {loading.total > 0
              ? `Replaying the run: ${(loading.done / 1000).toFixed(0)} of ${(loading.total / 1000).toFixed(0)} simulated s`
              : 'Working… (a big cluster or a long run takes a moment)'}
          </span>
          {loading.total > 0 ? (
            <progress max={loading.total} value={loading.done} aria-label="Replay progress" />
          ) : null}
          <button type="button" onClick={cancelLoading}>
            Cancel
          </button>
        </div>
      ) : null}
      {error ? (
        <div
          className={`banner ${error.fatal ? 'banner-fatal' : ''}`}
          role="alert"
          data-fatal={error.fatal}
        >
          <bdi
            className="banner-text"
            title={error.message.length > MAX_SHOWN ? error.message : undefined}
          >
            {error.message.length > MAX_SHOWN
              ? `${error.message.slice(0, MAX_SHOWN)}…`
              : error.message}
          </bdi>
          {error.fatal ? (
            <button type="button" onClick={recoverRun}>
              Recover the run
            </button>
          ) : null}
          <button type="button" onClick={() => setError(null)} aria-label="Dismiss message">
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}
