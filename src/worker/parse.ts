// The page's inputs are parsed and validated here, in the worker, so that the validator ships
// in the worker's bundle only: a scenario file's text, a scenario built on the page, a lesson
// file, pasted `kafka-topics --describe` output and the payload of a share link. The answer is the parsed value or the
// errors, each naming the field.
import type { ParseFormat, Parsed } from '../protocol/messages';
import { describeToScenario } from './describe-import';
import { parseLesson } from '../scenario/lesson';
import { parseScenario, parseScenarioText } from '../scenario/validate';
import { checkShare } from './recorded-run';

export function parseInput(format: ParseFormat, input: unknown): Parsed {
  try {
    return parse(format, input);
  } catch (e) {
    // a bug in a validator must not take down the worker; the page shows it like a bad field
    return { ok: false, errors: [`internal error while validating: ${String(e)}`] };
  }
}

function parse(format: ParseFormat, input: unknown): Parsed {
  switch (format) {
    case 'scenarioText': {
      const parsed = parseScenarioText(input as string);
      // the file's own JSON (not the normalised scenario) is what the page loads and shares
      return parsed.ok
        ? { ok: true, value: JSON.parse((input as string).replace(/^\uFEFF/, '')) }
        : parsed;
    }
    case 'scenario': {
      const parsed = parseScenario(input);
      return parsed.ok ? { ok: true, value: input } : parsed;
    }
    case 'lesson': {
      const parsed = parseLesson(input);
      return parsed.ok ? parsed : { ok: false, errors: [parsed.error] };
    }
    case 'share': {
      const checked = checkShare(input);
      return checked.ok ? checked : { ok: false, errors: [checked.error] };
    }
    case 'describe': {
      const parsed = describeToScenario(input as string);
      return parsed.ok
        ? { ok: true, value: parsed.scenario }
        : { ok: false, errors: [parsed.error] };
    }
  }
}
