import { useMemo } from 'react';
import { useSim, useSimList } from '../../store/use-sim';
import {
  selectBrokerIds,
  selectConsumerIds,
  selectControllerIds,
  selectProducerIds,
} from '../../store/selectors';
import { layoutStage, STAGE_HEIGHT, STAGE_WIDTH } from '../../viz/layout';
import { BrokerCard } from './BrokerCard';
import { ControllerNode } from './ControllerNode';
import { ClientNode } from './ClientNode';
import { Particles } from '../messages/Particles';
import { LayoutContext } from './layout-context';
import { BrokerMenu } from './BrokerMenu';
import { Overview } from './Overview';
import { ViewToggle } from './ViewToggle';
import { BrokerZoom } from './BrokerZoom';
import { BusiestLinks } from './BusiestLinks';
import type { SimStoreState } from '../../store/store';

/** Above these sizes the cards cannot stay readable: the overview is shown (unless chosen otherwise). */
export const OVERVIEW_BROKERS = 12;
export const OVERVIEW_REPLICAS_PER_BROKER = 16;
const selectClusterView = (s: SimStoreState) => s.ui.clusterView;
import { CompareLanes } from '../compare/CompareLanes';
import { LessonPanel } from '../lessons/LessonPanel';

const selectMaxReplicas = (s: {
  replicasOfBroker: Record<number, { leaders: string[]; followers: string[] }>;
}) =>
  Math.max(
    1,
    ...Object.values(s.replicasOfBroker).map((r) => r.leaders.length + r.followers.length),
  );

export function Stage() {
  const brokers = useSimList(selectBrokerIds);
  const controllers = useSimList(selectControllerIds);
  const producers = useSimList(selectProducerIds);
  const consumers = useSimList(selectConsumerIds);
  const maxReplicas = useSim(selectMaxReplicas);
  const layout = useMemo(
    () =>
      layoutStage({
        brokers,
        controllers,
        producers,
        consumers,
        maxReplicasPerBroker: maxReplicas,
      }),
    [brokers, controllers, producers, consumers, maxReplicas],
  );
  const mode = useSim(selectClusterView);
  const overview =
    mode === 'overview' ||
    (mode === 'auto' &&
      (brokers.length > OVERVIEW_BROKERS || maxReplicas > OVERVIEW_REPLICAS_PER_BROKER));
  if (overview) {
    return (
      <section className="stage" aria-label="Cluster overview">
        <ViewToggle overview />
        <BusiestLinks />
        <BrokerZoom />
        <Overview />
        <LessonPanel />
        <CompareLanes />
      </section>
    );
  }
  return (
    <LayoutContext.Provider value={layout}>
      <section className="stage" aria-label="Cluster">
        <ViewToggle overview={false} />
        <div className="stage-canvas">
          <svg
            className="stage-svg"
            viewBox={`0 0 ${STAGE_WIDTH} ${STAGE_HEIGHT}`}
            preserveAspectRatio="xMidYMid meet"
            role="group"
            aria-label="Brokers, controllers and clients"
          >
            {controllers.map((id) => (
              <ControllerNode key={id} id={id} />
            ))}
            {producers.map((id) => (
              <ClientNode key={id} id={id} />
            ))}
            {consumers.map((id) => (
              <ClientNode key={id} id={id} />
            ))}
            {brokers.map((id) => (
              <BrokerCard key={id} id={id} />
            ))}
          </svg>
          <Particles layout={layout} />
          <BrokerMenu />
        </div>
        <LessonPanel />
        <CompareLanes />
      </section>
    </LayoutContext.Provider>
  );
}
