// `?` shows every shortcut.
import { useSim } from '../../store/use-sim';
import { selectUi } from '../../store/selectors';
import { setUi } from '../../store/store';
import { useRef } from 'react';
import { usePopover } from './use-popover';
import './shortcuts-help.css';

export const SHORTCUTS: [string, string][] = [
  ['Space', 'play / pause'],
  ['→', 'step: the walked record’s next hop, else one protocol event'],
  ['←', 'step back (the walked record’s previous hop)'],
  [
    'PageDown',
    'lesson: continue; while it waits, go to the awaited event; at the end, the next lesson (clicker: next)',
  ],
  [
    'PageUp',
    'lesson: back to where the step began; at its first step, the previous lesson (clicker: previous)',
  ],
  ['0–9', 'select a broker (type 1 then 2 quickly for broker 12)'],
  ['k', 'kill the selected broker (hard crash)'],
  ['s', 'stop the selected broker (controlled shutdown)'],
  ['r', 'restart the selected broker'],
  ['+ / −', 'overview: zoom in / out'],
  ['p', 'presenter mode on / off'],
  ['Esc', 'close a menu, clear the selection, leave presenter mode'],
  ['?', 'this help'],
];

export function ShortcutsHelp() {
  const { showHelp } = useSim(selectUi);
  const dialog = useRef<HTMLElement>(null);
  usePopover(showHelp, () => setUi({ showHelp: false }), dialog);
  if (!showHelp) return null;
  return (
    <div className="help-backdrop" onClick={() => setUi({ showHelp: false })}>
      <section
        className="help"
        role="dialog"
        aria-modal="true"
        aria-label="Keyboard shortcuts"
        ref={dialog}
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
        <p className="muted">
          Keys work wherever the focus is, except while typing in a text field.
        </p>
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
