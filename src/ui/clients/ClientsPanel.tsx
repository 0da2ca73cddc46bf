import { useSimList } from '../../store/use-sim';
import { selectConsumerIds, selectProducerIds } from '../../store/selectors';
import { ProducerControls } from './ProducerControls';
import { ConsumerControls } from './ConsumerControls';

export function ClientsPanel() {
  const producers = useSimList(selectProducerIds);
  const consumers = useSimList(selectConsumerIds);
  return (
    <section className="panel clients" aria-label="Clients">
      <h2>Clients</h2>
      {producers.map((id) => (
        <ProducerControls key={id} id={id} />
      ))}
      {consumers.map((id) => (
        <ConsumerControls key={id} id={id} />
      ))}
    </section>
  );
}
