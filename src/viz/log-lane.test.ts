import { describe, expect, it } from 'vitest';
import { laneRows, laneWindow, newMemory, remember, twoLines } from './log-lane';
import type { InspectorView, ReplicaDetail } from '../protocol/view';

const detail = (broker: number, values: string[], hw: number, role: ReplicaDetail['role']) => ({
  broker,
  role,
  status: 'up' as const,
  inSync: true,
  leo: values.length,
  logStartOffset: 0,
  hw,
  epochCache: [],
  log: values.map((value, offset) => ({ offset, value, epoch: value.startsWith('n') ? 1 : 0 })),
  lagMs: null,
  lagRemainingMs: null,
});

const inspector = (details: ReplicaDetail[], leader: number): InspectorView => ({
  partition: 't-0',
  leader,
  leaderEpoch: 1,
  isr: details.map((d) => d.broker),
  elr: [],
  lastKnownElr: [],
  replicas: details.map((d) => d.broker),
  describe: '',
  details,
  lagTimeMaxMs: 10_000,
});

describe('log lane', () => {
  it('puts the leader first and marks records at or above the HW uncommitted', () => {
    const v = inspector(
      [detail(1, ['r1', 'r2'], 1, 'follower'), detail(2, ['r1', 'r2', 'r3'], 2, 'leader')],
      2,
    );
    const mem = newMemory('t-0');
    remember(mem, v);
    const rows = laneRows(v, mem, [], 0, 2);
    expect(rows.map((r) => r.broker)).toEqual([2, 1]);
    expect(rows[0]!.cells.map((c) => c.committed)).toEqual([true, true, false]);
    expect(rows[1]!.cells.map((c) => c.committed)).toEqual([true, false]);
  });

  it('keeps a truncated record struck out where it stood, and one overwritten under its successor', () => {
    const mem = newMemory('t-0');
    remember(
      mem,
      inspector([detail(1, ['r1', 'r2', 'r3'], 1, 'leader'), detail(2, ['r1'], 1, 'follower')], 1),
    );
    // broker 1 comes back as a follower of broker 2 (epoch 1): r2 and r3 are cut, n4 replaces r2
    const after = inspector(
      [detail(1, ['r1', 'n4'], 2, 'follower'), detail(2, ['r1', 'n4'], 2, 'leader')],
      2,
    );
    remember(mem, after);
    const { first, last } = laneWindow(after, mem, 10);
    expect([first, last]).toEqual([0, 2]);
    const rows = laneRows(after, mem, [], first, last);
    const b1 = rows.find((r) => r.broker === 1)!;
    expect(b1.cells[1]).toMatchObject({ value: 'n4', ghost: { value: 'r2', why: 'truncated' } });
    expect(b1.ghosts).toEqual([{ offset: 2, value: 'r3', epoch: 0, why: 'truncated' }]);
    expect(rows.find((r) => r.broker === 2)!.ghosts).toEqual([]);
  });

  it('draws a row with a struck record on two lines: replaced, or cut beyond the log end', () => {
    const mem = newMemory('t-0');
    remember(
      mem,
      inspector(
        [
          detail(1, ['r1', 'r2'], 1, 'leader'),
          detail(2, ['r1', 'r2'], 1, 'follower'),
          detail(3, ['r1'], 1, 'follower'),
        ],
        1,
      ),
    );
    // broker 2 leads epoch 1 with n3 at offset 1; broker 1 cut r2 and has not fetched yet
    const after = inspector(
      [
        detail(1, ['r1'], 1, 'follower'),
        detail(2, ['r1', 'n3'], 1, 'leader'),
        detail(3, ['r1'], 1, 'follower'),
      ],
      2,
    );
    remember(mem, after);
    const rows = laneRows(after, mem, [], 0, 1);
    const lines = Object.fromEntries(rows.map((r) => [r.broker, twoLines(r)]));
    // broker 2's r2 was replaced by n3, broker 1's r2 cut (nothing stands there now)
    expect(lines).toEqual({ 1: true, 2: true, 3: false });
  });

  it('marks an acknowledged record the cluster lost on the leader row', () => {
    const v = inspector([detail(2, ['r1'], 1, 'leader')], 2);
    const mem = newMemory('t-0');
    remember(mem, v);
    const rows = laneRows(v, mem, [{ value: 'r2', offset: 1 }], 0, 1);
    expect(rows[0]!.ghosts).toEqual([{ offset: 1, value: 'r2', epoch: -1, why: 'lost' }]);
  });
});
