import { useMemo, useState } from 'react';
import { useSim, useSimList } from '../../store/use-sim';
import {
  selectBrokerIds,
  selectConsumerIds,
  selectControllerIds,
  selectPartitionNames,
  selectProducerIds,
} from '../../store/selectors';
import { layoutStage, viewportFont } from '../../viz/layout';
import { brokerSlots, chipBoxes } from '../../viz/slots';
import { BrokerCard } from './BrokerCard';
import { ControllerNode } from './ControllerNode';
import { ClientNode } from './ClientNode';
import { Particles } from '../messages/Particles';
import { LayoutContext, type StageModel } from './layout-context';
import { BrokerMenu } from './BrokerMenu';
import { Overview } from './Overview';
import { ViewToggle } from './ViewToggle';
import { BrokerZoom } from './BrokerZoom';
import { BusiestLinks } from './BusiestLinks';
import { StageOverlays } from './StageOverlays';
import { StageLegend } from '../messages/StageLegend';
import { LogLane } from './LogLane';
import { useInspectWalked } from './use-inspect-walked';
import { useBoxSize } from './use-box-size';
import type { SimStoreState } from '../../store/store';
import { CompareLanes, StageLaneNote } from '../compare/CompareLanes';
import { LessonPanel } from '../lessons/LessonPanel';
import './stage.css';

/** Above these sizes the cards cannot stay readable: the overview is shown (unless chosen otherwise). */
export const OVERVIEW_BROKERS = 12;
export const OVERVIEW_REPLICAS_PER_BROKER = 16;
const selectClusterView = (s: SimStoreState) => s.ui.clusterView;
const selectReplicasOfBroker = (s: SimStoreState) => s.replicasOfBroker;
const selectCompareOn = (s: SimStoreState) => s.view?.compare != null;
const selectLaneShown = (s: SimStoreState) =>
  (s.view?.walk?.partition ?? s.ui.selectedPartition ?? null) !== null;

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
  const order = useSimList(selectPartitionNames);
  const replicasOfBroker = useSim(selectReplicasOfBroker);
  const maxReplicas = useSim(selectMaxReplicas);
  const compareOn = useSim(selectCompareOn);
  const laneShown = useSim(selectLaneShown);
  const [box, setBox] = useState<HTMLDivElement | null>(null);
  const size = useBoxSize(box);
  useInspectWalked();
  const askedFont = viewportFont(window.innerWidth, window.innerHeight);
  const model = useMemo<StageModel>(() => {
    const layout = layoutStage(
      { brokers, controllers, producers, consumers, maxReplicasPerBroker: maxReplicas },
      {
        // whole pixels, never more than the box: the svg then scales by 1 or a hair more, so
        // text drawn at the readable floor is not rendered a fraction under it
        width: Math.max(1, Math.floor(size.width)),
        height: Math.max(1, Math.floor(size.height)),
        font: askedFont,
        // never under what the class can read: a cluster too large for the room scrolls instead
        minFont: askedFont,
      },
    );
    const slots = brokerSlots(replicasOfBroker, order);
    return { ...layout, slots, chips: chipBoxes(layout, slots) };
  }, [
    brokers,
    controllers,
    producers,
    consumers,
    maxReplicas,
    size,
    replicasOfBroker,
    order,
    askedFont,
  ]);
  // taller than the box (many brokers at the readable floor): the canvas box scrolls
  const scrolls = size.width > 0 && model.height > size.height + 1;
  const tall = scrolls ? { height: Math.ceil(model.height) } : undefined;
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
    <LayoutContext.Provider value={model}>
      <section className="stage" aria-label="Cluster" data-compare={compareOn}>
        <CompareLanes />
        <StageLaneNote />
        <div className="stage-canvas" ref={setBox} data-scrolls={scrolls}>
          <svg
            className="stage-svg"
            viewBox={`0 0 ${model.width} ${model.height}`}
            style={{ fontSize: model.font, ...tall }}
            role="group"
            aria-label="Brokers, controllers and clients"
          >
            {/* drawn once the box is measured: a first pass at 1x1 would be thrown away */}
            {size.width > 0 ? (
              <>
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
                <StageOverlays />
              </>
            ) : null}
          </svg>
          <Particles layout={model} style={tall} />
          <BrokerMenu />
        </div>
        {/* the viewport's font, not the layout's: their height must not feed back into it */}
        <LogLane font={askedFont} />
        <StageLegend font={askedFont} lane={laneShown}>
          <ViewToggle overview={false} />
        </StageLegend>
        <LessonPanel />
      </section>
    </LayoutContext.Provider>
  );
}
