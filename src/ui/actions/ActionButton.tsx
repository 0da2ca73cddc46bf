// A button drawn from the action registry: its text, name, tooltip and key come from the
// action, and it is shown only while the action applies (a down broker has no Kill button).
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { useSim } from '../../store/use-sim';
import { lentStore } from './lent';
import { ariaKeys, getAction, runAction, type ActionId } from './registry';

/** What an action's button shows for this broker, kept current from the store. */
export function useAction(id: ActionId, broker: number | null = null) {
  const a = getAction(id);
  const lent = useStore(lentStore);
  return useSim(
    useShallow((state) => {
      const c = { state, lent, broker };
      return {
        applies: a.applies(c),
        label: a.label(c),
        name: a.name?.(c),
        hint: a.hint?.(c),
        menu: a.menu?.(c),
      };
    }),
  );
}

export function ActionButton({
  id,
  broker = null,
  className,
  label,
  whenOff = 'hide',
  unnamed = false,
  disabled = false,
}: {
  id: ActionId;
  broker?: number | null;
  className?: string;
  /** the button's own text where it differs from the action's label */
  label?: string;
  /** when the action does not apply: no button, or a disabled one */
  whenOff?: 'hide' | 'disable';
  /** named by its text alone (beside a heading that names the broker, and so not the same
   * accessible name as the card's button) */
  unnamed?: boolean;
  /** off for a reason of the place it is in (a lesson's Back at its first step) */
  disabled?: boolean;
}) {
  const shown = useAction(id, broker);
  if (!shown.applies && whenOff === 'hide') return null;
  return (
    <button
      type="button"
      className={className}
      onClick={() => runAction(id, broker)}
      disabled={disabled || !shown.applies}
      aria-label={unnamed ? undefined : shown.name}
      title={shown.hint}
      // keys act on the selected broker, not on this button's
      aria-keyshortcuts={broker === null ? ariaKeys(getAction(id)) : undefined}
    >
      {label ?? shown.label}
    </button>
  );
}
