// `expectEvent` steps: an event name, a window measured from the step's start, optional
// narrowing (broker, partition, record) and facts that must hold right after the event.
import { ALL_EVENTS } from '../engine';
import { checkBrokerId, checkPartition, checkRecord, type Context, type StepBody } from './context';
import { at, checkKnownFields, isInt, isObject, own, type Json } from './issues';
import { FACT_NAMES, validateFacts } from './validate-facts';

type ExpectEventStep = StepBody<'expectEvent'>;

export function validateExpectEvent(
  ctx: Context,
  raw: Json,
  path: string,
): ExpectEventStep | undefined {
  const { issues } = ctx;
  const f = (name: string) => own(raw, name);
  const p = (name: string) => at(path, name);
  const before = issues.errors.length;

  const event = f('event');
  if (typeof event !== 'string' || !(ALL_EVENTS as readonly string[]).includes(event))
    issues.expected(p('event'), `an event (${ALL_EVENTS.join(', ')})`, event);

  const within = f('within');
  const validWindow =
    Array.isArray(within) && within.length === 2 && isInt(within[0]) && isInt(within[1]);
  if (!validWindow)
    issues.expected(
      p('within'),
      '[fromMs, toMs], integers >= 0, measured from the start of this step',
      within,
    );
  else if (within[0] > within[1])
    issues.add(p('within'), `from (${within[0]}) is after to (${within[1]})`);

  const step: ExpectEventStep = { do: 'expectEvent', event: event as string, within: [0, 0] };
  if (validWindow) step.within = [within[0], within[1]];
  if (f('broker') !== undefined) step.broker = checkBrokerId(ctx, f('broker'), p('broker'));
  if (f('partition') !== undefined)
    step.partition = checkPartition(ctx, f('partition'), p('partition'));
  if (f('record') !== undefined) step.record = checkRecord(ctx, f('record'), p('record'));
  const expect = f('expect');
  if (expect !== undefined) {
    if (!isObject(expect)) issues.expected(p('expect'), 'an object of facts', expect);
    else {
      checkKnownFields(issues, expect, FACT_NAMES, p('expect'), 'fact');
      step.facts = validateFacts(ctx, expect, p('expect'));
    }
  }
  return issues.errors.length > before ? undefined : step;
}
