// Locates a JSON syntax error by line and column. JSON.parse does the parsing; this scanner
// only runs after it failed, because its messages differ between browsers and Node versions
// and do not always give a position.

export interface JsonSyntaxError {
  line: number;
  column: number;
  message: string;
}

class Stop {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

/** The first syntax error of `text` (1-based line and column), or undefined if it is valid JSON. */
export function locateJsonError(text: string): JsonSyntaxError | undefined {
  try {
    new Scanner(text).document();
    return undefined;
  } catch (e) {
    if (!(e instanceof Stop)) return undefined; // e.g. nesting too deep for the stack
    const before = text.slice(0, e.offset);
    const line = before.split('\n').length;
    const column = e.offset - before.lastIndexOf('\n');
    return { line, column, message: e.message };
  }
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

class Scanner {
  private pos = 0;
  constructor(private readonly text: string) {}

  document(): void {
    this.value();
    this.space();
    if (this.pos < this.text.length) this.fail('unexpected text after the end of the JSON value');
  }

  private fail(message: string): never {
    const atEnd = this.pos >= this.text.length;
    throw new Stop(this.pos, atEnd ? `unexpected end of input: ${message}` : message);
  }

  private space(): void {
    while (' \t\n\r'.includes(this.text[this.pos] ?? 'x')) this.pos++;
  }

  private value(): void {
    this.space();
    const c = this.text[this.pos];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return;
      }
    }
    NUMBER.lastIndex = this.pos;
    if (NUMBER.exec(this.text)) {
      this.pos = NUMBER.lastIndex;
      return;
    }
    if (c === "'") this.fail('strings must use double quotes');
    this.fail('expected a value (object, array, string, number, true, false or null)');
  }

  private object(): void {
    this.pos++;
    this.space();
    if (this.text[this.pos] === '}') return void this.pos++;
    for (;;) {
      this.space();
      if (this.text[this.pos] !== '"') {
        const trailing = this.text[this.pos] === '}' ? ' (no comma after the last one)' : '';
        this.fail(`expected a property name in double quotes${trailing}`);
      }
      this.string();
      this.space();
      if (this.text[this.pos] !== ':') this.fail("expected ':' after the property name");
      this.pos++;
      this.value();
      this.space();
      const c = this.text[this.pos];
      this.pos++;
      if (c === '}') return;
      if (c !== ',') {
        this.pos--;
        this.fail("expected ',' or '}' after a property value");
      }
    }
  }

  private array(): void {
    this.pos++;
    this.space();
    if (this.text[this.pos] === ']') return void this.pos++;
    for (;;) {
      this.space();
      if (this.text[this.pos] === ']') this.fail('expected a value (no comma after the last one)');
      this.value();
      this.space();
      const c = this.text[this.pos];
      this.pos++;
      if (c === ']') return;
      if (c !== ',') {
        this.pos--;
        this.fail("expected ',' or ']' after an array element");
      }
    }
  }

  private string(): void {
    this.pos++;
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined) this.fail('unterminated string');
      if (c === '"') return void this.pos++;
      if (c < ' ')
        this.fail('control characters (such as a line break) must be escaped in strings');
      if (c === '\\') {
        const e = this.text[this.pos + 1] ?? '';
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6)))
          this.pos += 6;
        else if (e !== '' && '"\\/bfnrt'.includes(e)) this.pos += 2;
        else this.fail('invalid escape in string');
      } else this.pos++;
    }
  }
}
