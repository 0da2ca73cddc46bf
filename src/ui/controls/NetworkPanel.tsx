import { useState } from 'react';
import { useSimList } from '../../store/use-sim';
import { selectBrokerIds, selectConsumerIds, selectProducerIds } from '../../store/selectors';
import { cutLink, healAll } from '../../store/actions';
import './network-panel.css';

/** Cut the link between two endpoints (brokers, the controller quorum, clients), or heal all. */
export function NetworkPanel() {
  const brokers = useSimList(selectBrokerIds);
  const producers = useSimList(selectProducerIds);
  const consumers = useSimList(selectConsumerIds);
  const endpoints = [
    ...brokers.map((b) => ({ value: String(b), label: `broker ${b}` })),
    { value: 'controller', label: 'controller quorum' },
    ...[...producers, ...consumers].map((c) => ({ value: `client:${c}`, label: c })),
  ];
  const [a, setA] = useState(endpoints[0]?.value ?? '');
  const [b, setB] = useState('controller');
  const parse = (v: string): number | string =>
    v.startsWith('client:') ? v.slice(7) : /^\d+$/.test(v) ? Number(v) : v;
  return (
    <section className="panel network" aria-label="Network">
      <h2>Network</h2>
      <div className="row">
        <select aria-label="First end of the link" value={a} onChange={(e) => setA(e.target.value)}>
          {endpoints.map((e) => (
            <option key={e.value} value={e.value}>
              {e.label}
            </option>
          ))}
        </select>
        <span aria-hidden="true">↔</span>
        <select
          aria-label="Second end of the link"
          value={b}
          onChange={(e) => setB(e.target.value)}
        >
          {endpoints.map((e) => (
            <option key={e.value} value={e.value}>
              {e.label}
            </option>
          ))}
        </select>
      </div>
      <div className="row">
        <button type="button" disabled={a === b} onClick={() => cutLink(parse(a), parse(b))}>
          Cut link
        </button>
        <button type="button" onClick={healAll}>
          Heal all links
        </button>
      </div>
    </section>
  );
}
