// `?` shows every shortcut.
import { useSim } from '../../store/use-sim';
import { selectUi } from '../../store/selectors';
import { setUi } from '../../store/store';

export const SHORTCUTS: [string, string][] = [
  ['Space', 'play / pause'],
  ['→', 'step one protocol event'],
  ['←', 'step back'],
  ['PageDown / Enter', 'lesson: continue (clicker: next)'],
  ['PageUp', 'lesson: back (clicker: previous)'],
  ['0–9', 'select a broker'],
  ['k', 'kill the selected broker (hard crash)'],
  ['s', 'stop the selected broker (controlled shutdown)'],
  ['r', 'restart the selected broker'],
  ['+ / −', 'overview: zoom in / out'],
  ['p', 'presenter mode on / off'],
  ['Esc', 'clear the selection, leave presenter mode'],
  ['?', 'this help'],
];

export function ShortcutsHelp() {
  const { showHelp } = useSim(selectUi);
  if (!showHelp) return null;
  return (
    <div className="help-backdrop" onClick={() => setUi({ showHelp: false })}>
      <section
        className="help"
        role="dialog"
        aria-modal="true"
        aria-label="Keyboard shortcuts"
        onClick={(e) => e.stopPropagation()}
      >
        <h2>
          Keyboard shortcuts
          <button
            type="button"
            className="close"
            onClick={() => setUi({ showHelp: false })}
            aria-label="Close the shortcuts"
          >
            ×
          </button>
        </h2>
        <dl>
          {SHORTCUTS.map(([key, what]) => (
            <div key={key}>
              <dt>
                <kbd>{key}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
