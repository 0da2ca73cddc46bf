import type { ReplicaDetail } from '../../protocol/view';
import { formatMs } from '../format';
import { caughtUpText } from './caught-up-text';
import './replica-log.css';

const EPOCH_HUES = [210, 140, 30, 280, 0, 180, 60, 320];

/** One replica's log as a strip of offsets, coloured by leader epoch, with HW and LEO markers. */
export function ReplicaLog({ detail, preferred }: { detail: ReplicaDetail; preferred: boolean }) {
  const { broker, role, status, inSync, leo, logStartOffset, hw, log, lagMs, lagRemainingMs } =
    detail;
  return (
    <div
      className={`replica-log ${inSync ? '' : 'out-of-sync'}`}
      data-testid={`replica-log-${broker}`}
      data-leo={leo}
      data-hw={hw}
      data-log-start={logStartOffset}
      data-role={role}
      data-in-sync={inSync}
    >
      <div className="replica-head">
        <strong>Broker {broker}</strong>{' '}
        {status === 'down'
          ? `down (was ${role})`
          : role === 'none'
            ? status
            : `${role} · ${status}`}
        {preferred ? ' · ★ preferred' : ''} · {inSync ? 'in sync' : 'OUT OF SYNC'}
        <span className="offsets">
          {logStartOffset > 0 ? (
            <abbr title="log start offset: older records were deleted by retention.ms">
              start {logStartOffset} ·{' '}
            </abbr>
          ) : null}
          LEO {leo} · HW {hw}
        </span>
      </div>
      <ol
        className="log-strip"
        aria-label={`Log of broker ${broker}: ${log.length ? `offsets ${log[0]!.offset} to ${log[log.length - 1]!.offset}` : 'empty'}`}
      >
        {log.map((e) => (
          <li
            key={e.offset}
            className={e.offset < hw ? 'committed' : 'uncommitted'}
            style={{ ['--epoch-hue' as string]: EPOCH_HUES[e.epoch % EPOCH_HUES.length] }}
            title={`offset ${e.offset}: "${e.value}" (leader epoch ${e.epoch})${e.offset < hw ? ', committed' : ', above the HW'}`}
          >
            <span className="offset">{e.offset}</span>
            <span className="value">{e.value}</span>
          </li>
        ))}
        <li className="leo-marker" aria-hidden="true">
          LEO
        </li>
      </ol>
      {lagMs !== null && lagRemainingMs !== null && role === 'follower' ? (
        <div className="lag" data-testid={`lag-${broker}`}>
          {lagMs === 0
            ? caughtUpText(status, inSync)
            : `last caught up ${formatMs(lagMs)} ago · ${
                inSync
                  ? lagRemainingMs > 0
                    ? `replica.lag.time.max.ms runs out in ${formatMs(lagRemainingMs)}, then the next ISR check removes it`
                    : 'lag limit passed: the next ISR check removes it'
                  : 'out of the ISR until it reaches the HW'
              }`}
        </div>
      ) : null}
    </div>
  );
}
