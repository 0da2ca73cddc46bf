// Every user action in one list (as excalidraw's actionManager): its label, its key, when it
// applies and what it does. The buttons, the broker context menu, the keyboard handler and the
// `?` help all read it, so a key cannot do something its button does not, or go unlisted.
import {
  killBroker,
  pauseFetch,
  restartBroker,
  selectBroker,
  selectPartition,
  step,
  stepBack,
  stopBroker,
  togglePlay,
} from '../../store/actions';
import { backLesson, continueLesson } from '../../store/lessons';
import { selectPlaying } from '../../store/selectors';
import { setUi, simStore, type SimStoreState } from '../../store/store';
import { setPresenter, togglePresenter } from '../controls/presenter';
import { lentStore, type Lent } from './lent';

export interface ActionContext {
  state: SimStoreState;
  /** controls lent by the components shown */
  lent: Lent;
  /** the broker acted on: the card's or menu's, or from the keyboard the selected one */
  broker: number | null;
  /** the digits typed in quick succession (the broker-selecting keys) */
  digits?: string;
}

export interface KeyBinding {
  /** the KeyboardEvent.key values that trigger it */
  keys: readonly string[];
  /** how the help and the menus write it */
  shown: string;
  /** the line of the `?` help */
  help: string;
}

export interface UserAction {
  id: string;
  /** the button's text */
  label: (c: ActionContext) => string;
  /** the accessible name, naming the broker when there is one (default: the label) */
  name?: (c: ActionContext) => string;
  /** the tooltip */
  hint?: (c: ActionContext) => string;
  key?: KeyBinding;
  /** offered in the broker context menu, with this text */
  menu?: (c: ActionContext) => string;
  applies: (c: ActionContext) => boolean;
  perform: (c: ActionContext) => void;
}

const always = () => true;
const inLesson = (c: ActionContext) => c.state.lesson !== null;
const status = (c: ActionContext) =>
  c.broker === null ? undefined : c.state.brokersById[c.broker]?.status;
const isUp = (c: ActionContext) => status(c) !== undefined && status(c) !== 'down';
const fetchPaused = (c: ActionContext) =>
  c.broker !== null && !!c.state.brokersById[c.broker]?.fetchPaused;
/** Broker actions run only where `applies` said a broker is given. */
const broker = (c: ActionContext) => c.broker!;

/** The broker the digits typed so far name: the longest id that exists, else the last digit. */
export function brokerForDigits(typed: string, exists: (id: number) => boolean): number | null {
  for (let i = 0; i < typed.length; i++) {
    const id = Number(typed.slice(i));
    if (exists(id)) return id;
  }
  return null;
}

export const ACTIONS = [
  {
    id: 'playPause',
    label: (c) => (selectPlaying(c.state) ? 'Pause' : 'Play'),
    key: { keys: [' '], shown: 'Space', help: 'play / pause' },
    applies: always,
    perform: () => togglePlay(),
  },
  {
    id: 'step',
    label: () => 'Step',
    hint: () => 'Process the next protocol event',
    key: {
      keys: ['ArrowRight'],
      shown: '→',
      help: 'step: the walked record’s next hop, else one protocol event',
    },
    applies: always,
    perform: () => step(),
  },
  {
    id: 'stepBack',
    label: () => '◀ Back',
    hint: () => 'Back to before the last step or event',
    key: { keys: ['ArrowLeft'], shown: '←', help: 'step back (the walked record’s previous hop)' },
    applies: always,
    perform: () => stepBack(),
  },
  {
    id: 'lessonNext',
    label: () => 'Continue ▶',
    key: {
      keys: ['PageDown'],
      shown: 'PageDown',
      help: 'lesson: continue; while it waits, go to the awaited event; at the end, the next lesson (clicker: next)',
    },
    applies: always,
    // a clicker outside a lesson steps
    perform: (c) => (inLesson(c) ? continueLesson() : step()),
  },
  {
    id: 'lessonBack',
    label: () => '◀ Back',
    key: {
      keys: ['PageUp'],
      shown: 'PageUp',
      help: 'lesson: back to where the step began; at its first step, the previous lesson (clicker: previous)',
    },
    applies: always,
    perform: (c) => (inLesson(c) ? backLesson() : stepBack()),
  },
  {
    id: 'selectBroker',
    label: () => 'Select a broker',
    key: {
      keys: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
      shown: '0–9',
      help: 'select a broker (type 1 then 2 quickly for broker 12)',
    },
    applies: always,
    perform: (c) => {
      const id = brokerForDigits(c.digits ?? '', (b) => !!c.state.brokersById[b]);
      if (id !== null) selectBroker(id);
    },
  },
  {
    id: 'kill',
    label: () => 'Kill',
    name: (c) => `Kill broker ${c.broker}`,
    hint: () => 'Hard crash (kill -9)',
    key: { keys: ['k'], shown: 'k', help: 'kill the selected broker (hard crash)' },
    menu: (c) => `Kill broker ${c.broker} (hard crash)`,
    applies: isUp,
    perform: (c) => killBroker(broker(c)),
  },
  {
    id: 'stop',
    label: () => 'Stop',
    name: (c) => `Stop broker ${c.broker}`,
    hint: () => 'Controlled shutdown',
    key: { keys: ['s'], shown: 's', help: 'stop the selected broker (controlled shutdown)' },
    menu: (c) => `Stop broker ${c.broker} (controlled shutdown)`,
    applies: isUp,
    perform: (c) => stopBroker(broker(c)),
  },
  {
    id: 'restart',
    label: () => 'Restart',
    name: (c) => `Restart broker ${c.broker}`,
    hint: () => 'Start the broker again',
    key: { keys: ['r'], shown: 'r', help: 'restart the selected broker' },
    menu: (c) => `Restart broker ${c.broker}`,
    applies: (c) => status(c) === 'down',
    perform: (c) => restartBroker(broker(c)),
  },
  {
    id: 'pauseFetch',
    label: (c) => (fetchPaused(c) ? 'Resume' : 'Pause'),
    name: (c) => `${fetchPaused(c) ? 'Resume' : 'Pause'} fetching on broker ${c.broker}`,
    hint: (c) => (fetchPaused(c) ? 'Resume fetching' : "Pause this broker's follower fetching"),
    menu: (c) => `${fetchPaused(c) ? 'Resume' : 'Pause'} fetching on broker ${c.broker}`,
    applies: isUp,
    perform: (c) => pauseFetch(broker(c), !fetchPaused(c)),
  },
  {
    id: 'zoomIn',
    label: () => '+',
    name: () => 'Zoom in',
    key: { keys: ['+', '='], shown: '+', help: 'overview: zoom in' },
    applies: (c) => c.lent.zoom !== null,
    perform: (c) => c.lent.zoom?.zoomIn(),
  },
  {
    id: 'zoomOut',
    label: () => '−',
    name: () => 'Zoom out',
    key: { keys: ['-', '−'], shown: '−', help: 'overview: zoom out' },
    applies: (c) => c.lent.zoom !== null,
    perform: (c) => c.lent.zoom?.zoomOut(),
  },
  {
    id: 'zoomReset',
    label: () => '100%',
    name: () => 'Reset zoom to 100%',
    applies: (c) => c.lent.zoom !== null,
    perform: (c) => c.lent.zoom?.reset(),
  },
  {
    id: 'presenter',
    label: () => 'Presenter',
    hint: () => 'Full screen, large type, high contrast, keyboard only',
    key: { keys: ['p'], shown: 'p', help: 'presenter mode on / off' },
    applies: always,
    perform: () => togglePresenter(),
  },
  {
    id: 'clear',
    label: () => 'Clear',
    key: {
      keys: ['Escape'],
      shown: 'Esc',
      help: 'close a menu, clear the selection, leave presenter mode',
    },
    applies: always,
    perform: (c) => {
      selectBroker(null);
      selectPartition(null);
      setUi({ showHelp: false, menu: null });
      if (c.state.ui.presenter) setPresenter(false);
    },
  },
  {
    id: 'help',
    label: () => '?',
    name: () => 'Keyboard shortcuts',
    key: { keys: ['?'], shown: '?', help: 'this help' },
    applies: always,
    perform: (c) => setUi({ showHelp: !c.state.ui.showHelp }),
  },
] as const satisfies readonly UserAction[];

export type ActionId = (typeof ACTIONS)[number]['id'];

const all: readonly UserAction[] = ACTIONS;
const byId = new Map(all.map((a) => [a.id, a]));

export function getAction(id: ActionId): UserAction {
  return byId.get(id)!;
}

/** The keyed actions, in the order of the help. */
export const KEYED = all.filter((a): a is UserAction & { key: KeyBinding } => !!a.key);

const byKey = new Map(KEYED.flatMap((a) => a.key.keys.map((k) => [k, a] as const)));

/** The action a key triggers, if any. */
export function actionForKey(key: string): UserAction | undefined {
  return byKey.get(key);
}

/** The value of aria-keyshortcuts for an action's button. */
export function ariaKeys(a: UserAction): string | undefined {
  const k = a.key?.keys[0];
  return k === ' ' ? 'Space' : k === '+' ? 'Plus' : k;
}

export function contextOf(broker: number | null = null, digits?: string): ActionContext {
  return {
    state: simStore.getState(),
    lent: lentStore.getState(),
    broker,
    ...(digits === undefined ? {} : { digits }),
  };
}

/** Runs an action on the store's current state if it applies; says whether it did. */
export function runAction(id: ActionId, broker: number | null = null): boolean {
  return runIn(getAction(id), contextOf(broker));
}

export function runIn(a: UserAction, c: ActionContext): boolean {
  if (!a.applies(c)) return false;
  a.perform(c);
  return true;
}
