// Looking up records by value (the scenario vocabulary names records by value; the latest send wins).
import type { RecordInfo, SimState } from './state';

export function findRecord(s: SimState, value: string): RecordInfo | undefined {
  for (let i = s.records.length - 1; i >= 0; i--)
    if (s.records[i]!.value === value) return s.records[i];
  return undefined;
}
