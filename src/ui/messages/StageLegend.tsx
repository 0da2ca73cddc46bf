// The compact legend on the stage: what the chip styles, marks and message colours mean. It stays
// visible in presenter mode (the side panel's full legend is hidden there).
import { MESSAGE_STYLES, ERROR_COLOR } from '../../viz/colors';
import type { MessageKind } from '../../protocol/view';
import type { ReactNode } from 'react';

const KINDS: [MessageKind, string][] = [
  ['produce', 'produce'],
  ['produceResponse', 'ack'],
  ['fetchResponse', 'replicate'],
  ['consumerFetchResponse', 'consumer'],
  ['alterPartition', 'ISR'],
  ['metadataUpdate', 'metadata'],
];

export function StageLegend({
  font,
  lane,
  children,
}: {
  font: number;
  lane: boolean;
  /** the cards / overview switch, at the end of the row */
  children?: ReactNode;
}) {
  return (
    <div className="stage-legend-bar" style={{ fontSize: font }}>
      <ul className="stage-legend" aria-label="Stage legend">
        <li>
          <span className="lg-chip lg-leader">p0</span> leader
        </li>
        <li>
          <span className="lg-chip lg-follower">p0</span> follower
        </li>
        <li>
          <span className="lg-chip lg-out">p0</span> out of ISR
        </li>
        <li>★ preferred</li>
        <li>◆ controller</li>
        <li>ELR eligible</li>
        <li>5/4 LEO/HW</li>
        <li>
          <span className="lg-arc" aria-hidden="true">
            ◔
          </span>{' '}
          timeout
        </li>
        <li>
          <span className="lg-clock" aria-hidden="true">
            ◷
          </span>{' '}
          fetch waits
        </li>
        {lane ? (
          <>
            <li>
              <span className="lg-hw" aria-hidden="true" />
              HW
            </li>
            <li>
              <span className="lg-uncommitted" aria-hidden="true" />
              uncommitted
            </li>
            <li>
              <span className="lg-struck">r3</span> lost
            </li>
          </>
        ) : null}
        {KINDS.map(([kind, label]) => (
          <li key={kind}>
            <span className="lg-dot" style={{ background: MESSAGE_STYLES[kind].color }} />
            {label}
          </li>
        ))}
        <li>
          <span className="lg-dot" style={{ background: ERROR_COLOR }} />
          error
        </li>
      </ul>
      {children}
    </div>
  );
}
