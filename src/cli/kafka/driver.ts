// The TypeScript side of kafka/src/main/java/dev/krv/Driver.java: JSON lines over its stdin and
// stdout. Requests get answers by id; produce outcomes arrive as events by record id.
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { HarnessError } from './jars';
import { spawnJava, tail } from './jvm-processes';
import { jvmOpts } from './cds';
import { readFileSync } from 'node:fs';

export interface Outcome {
  ev: 'ack' | 'fail';
  rid: number;
  partition?: number;
  offset?: number;
  error?: string;
}

type Answer = Record<string, unknown> & { error?: string };

export class Driver {
  private nextId = 1;
  private waiting = new Map<number, (a: Answer) => void>();
  readonly outcomes = new Map<number, Outcome>();
  private ready!: Promise<void>;

  private constructor(
    private readonly proc: ChildProcess,
    private readonly logFile: string,
  ) {}

  /** Starts a driver JVM; it formats storage at once and talks to a cluster after `connect`. */
  static async start(classpath: string, logFile: string, uid?: number) {
    const proc = spawnJava(
      [...jvmOpts(), '-cp', classpath, 'dev.krv.Driver'],
      logFile,
      'pipe',
      uid,
    );
    const d = new Driver(proc, logFile);
    proc.stdin!.on('error', () => {}); // a dead driver is reported by its exit, not by EPIPE
    d.ready = new Promise((resolve, reject) => {
      proc.once('exit', (code) =>
        reject(new HarnessError(`the driver JVM exited (${code}):\n${d.logTail()}`)),
      );
      const rl = createInterface({ input: proc.stdout! });
      rl.on('line', (line) => {
        let msg: Answer;
        try {
          msg = JSON.parse(line) as Answer;
        } catch {
          return;
        }
        if (msg.ev === 'ready') resolve();
        else if (msg.ev === 'ack' || msg.ev === 'fail')
          d.outcomes.set(msg.rid as number, msg as unknown as Outcome);
        else if (typeof msg.id === 'number') {
          d.waiting.get(msg.id)?.(msg);
          d.waiting.delete(msg.id);
        }
      });
    });
    await d.ready;
    return d;
  }

  /** Points the driver's admin, consumer and producers at a started cluster. */
  async connect(bootstrap: string, controllers: string): Promise<void> {
    await this.must('connect', { bootstrap, controllers });
  }

  private logTail(): string {
    try {
      return tail(readFileSync(this.logFile, 'utf8'));
    } catch {
      return '';
    }
  }

  /** Sends a request and waits for its answer (a harness error when the driver reports one). */
  async ask(op: string, body: Record<string, unknown> = {}, timeoutMs = 30_000): Promise<Answer> {
    if (this.closed) throw new HarnessError(`driver request ${op} after the driver was closed`);
    const id = this.nextId++;
    const answer = new Promise<Answer>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new HarnessError(`driver request ${op} got no answer in ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(id, (a) => {
        clearTimeout(timer);
        resolve(a);
      });
    });
    this.proc.stdin!.write(JSON.stringify({ id, op, ...body }) + '\n');
    return answer;
  }

  async must(op: string, body: Record<string, unknown> = {}, timeoutMs?: number) {
    const a = await this.ask(op, body, timeoutMs);
    if (a.error) throw new HarnessError(`${op}: ${a.error}`);
    return a;
  }

  /** Fire and forget: a send's outcome arrives later in `outcomes`. */
  send(body: Record<string, unknown>): void {
    this.proc.stdin!.write(JSON.stringify({ id: 0, op: 'send', ...body }) + '\n');
  }

  private closed = false;

  async quit(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      this.proc.stdin!.write(JSON.stringify({ id: 0, op: 'quit' }) + '\n');
      await new Promise((r) => setTimeout(r, 300));
    } catch {
      // killed below
    }
    const gone = new Promise<void>((r) => this.proc.once('exit', () => r()));
    if (this.proc.exitCode === null && this.proc.signalCode === null) {
      this.proc.kill('SIGKILL');
      await gone;
    }
  }
}
