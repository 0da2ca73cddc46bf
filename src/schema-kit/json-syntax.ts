// Locates a JSON syntax error by line and column, with jsonc-parser in strict mode (no comments,
// no trailing commas). JSON.parse does the parsing; this only runs after it failed, because its
// messages differ between browsers and Node versions and do not always give a position.
import { parseTree } from 'jsonc-parser/lib/esm/impl/parser.js';
import type { ParseError } from 'jsonc-parser';

/** jsonc-parser's ParseErrorCode values (a const enum there, which isolated modules cannot read). */
const E = {
  InvalidSymbol: 1,
  InvalidNumberFormat: 2,
  PropertyNameExpected: 3,
  ValueExpected: 4,
  ColonExpected: 5,
  CommaExpected: 6,
  CloseBraceExpected: 7,
  CloseBracketExpected: 8,
  InvalidCommentToken: 10,
  UnexpectedEndOfComment: 11,
  UnexpectedEndOfString: 12,
  UnexpectedEndOfNumber: 13,
  InvalidUnicode: 14,
  InvalidEscapeCharacter: 15,
  InvalidCharacter: 16,
} as const;
type Code = number;

export interface JsonSyntaxError {
  line: number;
  column: number;
  message: string;
}

const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

/** The first syntax error of `text` (1-based line and column), or undefined if it finds none. */
export function locateJsonError(text: string): JsonSyntaxError | undefined {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, STRICT);
  const first = errors[0];
  if (!first) return undefined;
  let offset = first.offset;
  let message: string;
  if (first.error === E.UnexpectedEndOfString || first.error === E.InvalidCharacter) {
    // a line break or other control character inside a string, or a string never closed
    let end = offset + 1;
    while (end < text.length && text.charCodeAt(end) >= 0x20) end++;
    message =
      end < text.length
        ? 'control characters (such as a line break) must be escaped in strings'
        : 'unterminated string';
    offset = end;
  } else if (root && offset >= root.offset + root.length && offset < text.length)
    message = 'unexpected text after the end of the JSON value';
  else message = describe(first.error, text[offset], errors[1]?.error);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return {
    line,
    column,
    message: offset >= text.length ? `unexpected end of input: ${message}` : message,
  };
}

function describe(code: Code, at: string | undefined, next: Code | undefined): string {
  const lastComma = at === '}' || at === ']' ? ' (no comma after the last one)' : '';
  switch (code) {
    case E.PropertyNameExpected:
      return `expected a property name in double quotes${lastComma}`;
    case E.InvalidSymbol:
      return next === E.PropertyNameExpected
        ? 'expected a property name in double quotes'
        : 'expected a value (object, array, string, number, true, false or null)';
    case E.ValueExpected:
      return lastComma
        ? `expected a value${lastComma}`
        : 'expected a value (object, array, string, number, true, false or null)';
    case E.ColonExpected:
      return 'expected ":" after the property name';
    case E.CommaExpected:
      return 'expected "," or the end of the list';
    case E.CloseBraceExpected:
      return 'expected "," or "}"';
    case E.CloseBracketExpected:
      return 'expected "," or "]"';
    case E.InvalidEscapeCharacter:
    case E.InvalidUnicode:
      return 'invalid escape in string';
    case E.InvalidNumberFormat:
    case E.UnexpectedEndOfNumber:
      return 'invalid number';
    case E.InvalidCommentToken:
    case E.UnexpectedEndOfComment:
      return 'comments are not allowed in JSON';
    default:
      return 'unexpected text after the end of the JSON value';
  }
}
