import { useState } from 'react';
import { useSim } from '../../store/use-sim';
import { selectClient } from '../../store/selectors';
import { produceOne, setStream } from '../../store/actions';
import './client-controls.css';

export function ProducerControls({ id }: { id: string }) {
  const client = useSim(selectClient(id));
  const [value, setValue] = useState('');
  const [key, setKey] = useState('');
  const [count, setCount] = useState(1);
  if (!client) return null;
  const streaming = client.streamRate > 0;
  const send = () => {
    const v = value.trim() || `${id}-manual-${count}`;
    produceOne(id, v, key.trim() || undefined);
    setCount(count + 1);
    setValue('');
  };
  return (
    <form
      className="client-controls"
      aria-label={`Producer ${id}`}
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <div className="row">
        <strong>{id}</strong> <span className="muted">acks={client.acks}</span>
        <span className="muted">
          {client.acked} acked · {client.pending} pending · {client.failed} failed
        </span>
      </div>
      <div className="row">
        <input
          aria-label={`Key for ${id}`}
          placeholder="key (optional)"
          value={key}
          onChange={(e) => setKey(e.target.value)}
          maxLength={64}
        />
        <input
          aria-label={`Value for ${id}`}
          placeholder="value"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          maxLength={64}
        />
        <button type="submit" aria-label={`Produce one record with ${id}`}>
          Produce
        </button>
      </div>
      <div className="row">
        <button
          type="button"
          aria-pressed={streaming}
          onClick={() => setStream(id, streaming ? 0 : 2)}
          aria-label={`${streaming ? 'Stop' : 'Start'} the stream of ${id}`}
        >
          {streaming ? `Stop stream (${client.streamRate}/s)` : 'Start stream (2/s)'}
        </button>
      </div>
    </form>
  );
}
