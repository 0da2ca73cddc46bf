// The in-page probe of the page benchmark, installed as an init script so it runs before the
// app on every navigation. It is plain JavaScript in a string (not a TypeScript function) so
// that nothing tsx/esbuild adds to functions ends up in the page.
//
// window.__bench:
//   drawnAt       performance.now() (ms since navigation start) when [data-testid="broker-1"] or
//                 [data-testid="broker-0"] first appeared in the DOM (MutationObserver)
//   start() / stop()  open and close the measurement window; while open, it records every rAF
//                 timestamp, long tasks, long animation frames, the store's view.version per
//                 frame, the DOM element count once a second, and keeps a reference to one view
//                 per second (serialised only after the window, see viewSizes())
//   viewSizes()   JSON.stringify length of each sampled view (a proxy for its structured-clone
//                 size), per top-level field for the largest, then drops the references

export const PAGE_PROBE = String.raw`
(() => {
  if (window.__bench) return;
  const b = {
    drawnAt: null,
    sampling: false,
    frames: [],
    versions: [],
    dom: [],
    sampledViews: [],
    lastViewSample: -Infinity,
    lastDomSample: -Infinity,
  };
  window.__bench = b;

  const SELECTOR = '[data-testid="broker-1"],[data-testid="broker-0"]';
  const seen = () => {
    if (b.drawnAt !== null) return true;
    if (document.querySelector(SELECTOR)) {
      b.drawnAt = performance.now();
      return true;
    }
    return false;
  };
  const mo = new MutationObserver(() => {
    if (seen()) mo.disconnect();
  });
  mo.observe(document, { childList: true, subtree: true });

  // Entries are kept whenever they arrive and filtered by their start time at stop(): observer
  // callbacks are low-priority tasks, so on a saturated main thread they arrive late (or only
  // through takeRecords()).
  const entries = { longtask: [], 'long-animation-frame': [] };
  const observers = [];
  const keep = (type, list) => {
    for (const e of list)
      entries[type].push({ start: e.startTime, duration: e.duration, blocking: e.blockingDuration ?? null });
  };
  for (const type of Object.keys(entries)) {
    try {
      const o = new PerformanceObserver((list) => keep(type, list.getEntries()));
      o.observe({ type, buffered: true });
      observers.push([type, o]);
    } catch (e) {
      b[type + 'Unsupported'] = String(e);
    }
  }
  const inWindow = (type) => {
    for (const [t, o] of observers) if (t === type) keep(type, o.takeRecords());
    return entries[type].filter((e) => e.start >= b.startedAt && e.start < b.stoppedAt);
  };

  const viewOf = () => {
    const sim = window.__sim;
    if (!sim) return null;
    return sim.state().view;
  };

  const loop = (ts) => {
    requestAnimationFrame(loop);
    if (!b.sampling) return;
    b.frames.push(ts);
    const view = viewOf();
    b.versions.push(view ? view.version : -1);
    if (view && ts - b.lastViewSample >= 1000) {
      b.lastViewSample = ts;
      // the view as posted by the worker (structure sent only on change), not the store's filled-in copy
      b.sampledViews.push(window.__sim.state().posted || view);
    }
    if (ts - b.lastDomSample >= 1000) {
      b.lastDomSample = ts;
      b.dom.push(document.getElementsByTagName('*').length);
    }
  };
  requestAnimationFrame(loop);

  b.start = () => {
    b.frames = [];
    b.versions = [];
    b.dom = [];
    b.sampledViews = [];
    b.lastViewSample = -Infinity;
    b.lastDomSample = -Infinity;
    const v = viewOf();
    b.startVersion = v ? v.version : -1;
    b.startSimTime = v ? v.time : null;
    b.startedAt = performance.now();
    b.sampling = true;
  };
  b.stop = () => {
    b.sampling = false;
    b.stoppedAt = performance.now();
    const v = viewOf();
    b.stopVersion = v ? v.version : -1;
    b.stopSimTime = v ? v.time : null;
    b.dom.push(document.getElementsByTagName('*').length);
    return {
      startedAt: b.startedAt,
      stoppedAt: b.stoppedAt,
      startVersion: b.startVersion,
      stopVersion: b.stopVersion,
      startSimTime: b.startSimTime,
      stopSimTime: b.stopSimTime,
      frames: b.frames,
      versions: b.versions,
      longTasks: inWindow('longtask'),
      loafs: inWindow('long-animation-frame'),
      longtaskUnsupported: b.longtaskUnsupported ?? null,
      loafUnsupported: b['long-animation-frameUnsupported'] ?? null,
      dom: b.dom,
      messagesInView: v ? v.messages.length : null,
    };
  };
  b.viewSizes = () => {
    const sizes = [];
    let largest = null;
    let largestSize = -1;
    for (const v of b.sampledViews) {
      const n = JSON.stringify(v).length;
      sizes.push({ version: v.version, bytes: n, messages: v.messages.length, events: v.events.length });
      if (n > largestSize) {
        largestSize = n;
        largest = v;
      }
    }
    const fields = {};
    if (largest) for (const k of Object.keys(largest)) fields[k] = JSON.stringify(largest[k]).length;
    b.sampledViews = [];
    return { sizes, largestFields: fields };
  };
})();
`;
