// `produce` steps: the producer, the target (a partition, or a topic for the partitioner) and
// the record values, which must be unique in the file because they identify records.
import {
  checkClient,
  checkPartition,
  checkTopicName,
  type Context,
  type StepBody,
} from './context';
import { at, own, show, type Json } from './issues';

type ProduceStep = StepBody<'produce'>;

export function validateProduce(
  ctx: Context,
  raw: Json,
  path: string,
  index: number,
): ProduceStep | undefined {
  const { issues } = ctx;
  const f = (name: string) => own(raw, name);
  const p = (name: string) => at(path, name);
  const client = checkClient(ctx, f('client'), p('client'), 'producer');
  let partition: string | undefined;
  let topic: string | undefined;
  if ((f('partition') === undefined) === (f('topic') === undefined)) {
    issues.add(
      path,
      'expected exactly one of "partition" (e.g. "t-0") or "topic" (the partitioner picks)',
    );
  } else if (f('partition') !== undefined) {
    partition = checkPartition(ctx, f('partition'), p('partition'));
  } else {
    topic = checkTopicName(ctx, f('topic'), p('topic'));
  }
  const key = f('key');
  if (key !== undefined && typeof key !== 'string') issues.expected(p('key'), 'a string', key);

  // Record values identify records in expectations, so each value is produced once per file.
  const records = f('records');
  const values: string[] = [];
  if (!Array.isArray(records) || records.length === 0) {
    issues.expected(p('records'), 'a non-empty list of record values (strings)', records);
  } else {
    records.forEach((value, i) => {
      if (typeof value !== 'string' || value === '') {
        issues.expected(at(p('records'), i), 'a record value (a non-empty string)', value);
      } else if (ctx.produced.has(value)) {
        const first = ctx.produced.get(value);
        const where = first === index ? 'this step' : `steps[${first}]`;
        issues.add(
          at(p('records'), i),
          `record ${show(value)} is already produced by ${where}; record values must be unique`,
        );
      } else {
        ctx.produced.set(value, index);
        values.push(value);
      }
    });
  }
  const allValid = Array.isArray(records) && values.length === records.length;
  if (!client || (!partition && !topic) || !allValid) return undefined;
  const step: ProduceStep = { do: 'produce', client, records: values };
  if (partition) step.partition = partition;
  if (topic) step.topic = topic;
  if (typeof key === 'string') step.key = key;
  return step;
}
