// Share and export: a link that replays this run, the scenario file, the trace, the view as SVG or
// PNG; import a scenario file or a real cluster's `kafka-topics --describe` output.
import { useRef, useState } from 'react';
import {
  importScenarioText,
  loadScenario,
  parseInWorker,
  scenarioFile,
  shareLink,
  traceFile,
} from '../../store/actions';
import { setError, simStore } from '../../store/store';
import { download, downloadText, pngFromSvg, standaloneSvg } from '../export/export-view';
import { STAGE_HEIGHT, STAGE_WIDTH } from '../../viz/layout';
import { usePopover } from './use-popover';
import './share-menu.css';

export function ShareMenu() {
  const [open, setOpen] = useState(false);
  const [link, setLink] = useState('');
  const [describe, setDescribe] = useState('');
  const file = useRef<HTMLInputElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  usePopover(open, () => setOpen(false), menu, toggle);
  const lesson = () => {
    const l = simStore.getState().lesson;
    return l ? { id: l.lesson.id, step: l.index } : undefined;
  };
  const share = async () => {
    const url = await shareLink(lesson());
    setLink(url);
    try {
      await navigator.clipboard?.writeText(url);
    } catch {
      // the link is shown to copy by hand
    }
  };
  const svg = () => {
    const text = standaloneSvg();
    if (text) downloadText('kafka-cluster.svg', text, 'image/svg+xml');
  };
  const png = async () => {
    const text = standaloneSvg();
    if (text)
      download('kafka-cluster.png', await pngFromSvg(text, STAGE_WIDTH * 2, STAGE_HEIGHT * 2));
  };
  const importDescribe = async () => {
    const result = await parseInWorker('describe', describe);
    if (!result.ok) {
      const error = result.errors.join('; ');
      setError({ message: `The describe output was not loaded: ${error}`, fatal: false });
      return;
    }
    loadScenario(result.value, 'demo', false);
    setOpen(false);
  };
  return (
    <span className="share">
      <button type="button" ref={toggle} aria-expanded={open} onClick={() => setOpen(!open)}>
        Share / export
      </button>
      {open ? (
        <div className="share-menu" role="dialog" aria-label="Share and export" ref={menu}>
          <button type="button" onClick={() => void share()}>
            Copy a link to this run
          </button>
          {link ? (
            <input
              aria-label="Share link"
              readOnly
              value={link}
              onFocus={(e) => e.target.select()}
            />
          ) : null}
          <button
            type="button"
            onClick={() =>
              void scenarioFile().then((t) => downloadText('scenario.json', t, 'application/json'))
            }
          >
            Export the scenario file
          </button>
          <button type="button" onClick={() => file.current?.click()}>
            Import a scenario file…
          </button>
          <input
            ref={file}
            type="file"
            accept=".json,application/json"
            hidden
            aria-label="Scenario file"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f)
                void f.text().then(async (t) => (await importScenarioText(t)) && setOpen(false));
              e.target.value = '';
            }}
          />
          <button type="button" onClick={svg}>
            Export the view as SVG
          </button>
          <button type="button" onClick={() => void png()}>
            Export the view as PNG
          </button>
          <button
            type="button"
            onClick={() =>
              void traceFile().then((t) => downloadText('trace.json', t, 'application/json'))
            }
          >
            Export the trace as JSON
          </button>
          <label className="describe-import">
            What if? Paste <code>kafka-topics --describe</code> output:
            <textarea
              aria-label="kafka-topics --describe output"
              rows={5}
              value={describe}
              onChange={(e) => setDescribe(e.target.value)}
              placeholder={'Topic: orders\tPartition: 0\tLeader: 2\tReplicas: 2,0,1\tIsr: 2,0'}
            />
          </label>
          <button type="button" onClick={() => void importDescribe()} disabled={!describe.trim()}>
            Play with this layout
          </button>
        </div>
      ) : null}
    </span>
  );
}
