import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { ACTIONS, KEYED, actionForKey, brokerForDigits, type ActionContext } from './registry';
import { ShortcutsList } from '../controls/ShortcutsHelp';
import { initialUi, type SimStoreState } from '../../store/store';
import type { BrokerView } from '../../protocol/view';

describe('the action registry', () => {
  it('binds no key twice', () => {
    const seen = new Map<string, string>();
    for (const a of KEYED)
      for (const k of a.key.keys) {
        expect(seen.get(k), `key ${JSON.stringify(k)} of ${a.id}`).toBeUndefined();
        seen.set(k, a.id);
      }
    // the keys of today's help, each bound
    for (const k of [' ', 'ArrowRight', 'ArrowLeft', 'PageDown', 'PageUp', 'k', 's', 'r', 'p'])
      expect(actionForKey(k), k).toBeDefined();
    for (const k of ['?', 'Escape', '+', '=', '-', '−', '0', '9'])
      expect(actionForKey(k), k).toBeDefined();
  });

  it('has one entry per id, and no two keyed actions shown alike', () => {
    expect(new Set(ACTIONS.map((a) => a.id)).size).toBe(ACTIONS.length);
    expect(new Set(KEYED.map((a) => a.key.shown)).size).toBe(KEYED.length);
  });

  it('the ? help lists every keyed action with its key and what it does', () => {
    const html = renderToStaticMarkup(createElement(ShortcutsList));
    const rows = [
      ...html.matchAll(/<div data-action="([^"]+)"><dt><kbd>(.*?)<\/kbd><\/dt><dd>(.*?)<\/dd>/g),
    ];
    const unescape = (s: string) => s.replace(/&#x27;/g, "'").replace(/&amp;/g, '&');
    expect(rows.map((r) => r[1])).toEqual(KEYED.map((a) => a.id));
    for (const [, id, shown, help] of rows) {
      const a = KEYED.find((x) => x.id === id)!;
      expect(unescape(shown!)).toBe(a.key.shown);
      expect(unescape(help!)).toBe(a.key.help);
      expect(help!.length).toBeGreaterThan(0);
    }
  });

  describe('when a broker action applies', () => {
    const broker = (id: number, status: BrokerView['status'], fetchPaused = false) =>
      ({ id, status, fetchPaused }) as BrokerView;
    const ctx = (b: number | null): ActionContext => ({
      state: {
        brokersById: { 1: broker(1, 'up'), 2: broker(2, 'down'), 3: broker(3, 'fenced', true) },
        ui: initialUi,
        lesson: null,
        view: null,
      } as unknown as SimStoreState,
      lent: { zoom: null },
      broker: b,
    });
    const applying = (b: number | null) =>
      ACTIONS.filter((a) => 'menu' in a && a.applies(ctx(b))).map((a) => a.id);

    it('an up broker can be killed, stopped and paused, not restarted', () => {
      expect(applying(1)).toEqual(['kill', 'stop', 'pauseFetch']);
    });
    it('a down broker can only be restarted', () => {
      expect(applying(2)).toEqual(['restart']);
    });
    it('a fenced broker is still up; its paused fetching can be resumed', () => {
      expect(applying(3)).toEqual(['kill', 'stop', 'pauseFetch']);
      const pause = ACTIONS.find((a) => a.id === 'pauseFetch')!;
      expect(pause.label(ctx(3))).toBe('Resume');
      expect(pause.name(ctx(3))).toBe('Resume fetching on broker 3');
      expect(pause.label(ctx(1))).toBe('Pause');
    });
    it('no broker selected, or one that does not exist: no broker action', () => {
      expect(applying(null)).toEqual([]);
      expect(applying(7)).toEqual([]);
    });
    it('the zoom keys apply only while the overview lends its zoom', () => {
      const zoomIn = actionForKey('+')!;
      expect(zoomIn.applies(ctx(null))).toBe(false);
      const lent = { zoom: { zoomIn: () => {}, zoomOut: () => {}, reset: () => {} } };
      expect(zoomIn.applies({ ...ctx(null), lent })).toBe(true);
    });
  });
});

describe('digits select a broker', () => {
  const among = (ids: number[]) => (id: number) => ids.includes(id);
  it('types ids above 9 digit by digit', () => {
    expect(brokerForDigits('1', among([1, 2, 12]))).toBe(1);
    expect(brokerForDigits('12', among([1, 2, 12]))).toBe(12);
  });
  it('falls back to the latest digits that name a broker', () => {
    expect(brokerForDigits('19', among([1, 9]))).toBe(9);
    expect(brokerForDigits('7', among([1, 2]))).toBeNull();
  });
});
