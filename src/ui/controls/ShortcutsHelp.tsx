// `?` shows every shortcut: the keyed actions of the registry.
import { useUi } from '../use-ui';
import { KEYED } from '../actions/registry';
import { setUi } from '../../store/store';
import { useRef } from 'react';
import { usePopover } from './use-popover';
import './shortcuts-help.css';

/** Every keyed action of the registry, with its key and what it does. */
export function ShortcutsList() {
  return (
    <dl>
      {KEYED.map((a) => (
        <div key={a.id} data-action={a.id}>
          <dt>
            <kbd>{a.key.shown}</kbd>
          </dt>
          <dd>{a.key.help}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ShortcutsHelp() {
  const showHelp = useUi('showHelp');
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
        <ShortcutsList />
      </section>
    </div>
  );
}
