/**
 * Progress of long work (planning and checking stacks) on stderr, never on stdout (which carries
 * reports).
 *
 * - On an interactive terminal: a spinner line that shows the current step, replaced by one
 *   result line per task when it ends.
 * - In CI (`CI` set to anything but `false`/`0`) or when stderr is not a terminal: no animation, no
 *   control characters; one line per task when it ends, e.g.
 *   `phiguard: planning prod ... 412 resources, 3 findings (2.1 s)`, and only when `lines` is on
 *   (the commands turn it on when several stacks are checked).
 * - `quiet`: nothing at all.
 */

export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface ProgressOptions {
  /** @default process.stderr */
  readonly stream?: ProgressStream;
  /** Print nothing. @default false */
  readonly quiet?: boolean;
  /** Animate a spinner. @default stream is a TTY and the environment is not CI */
  readonly interactive?: boolean;
  /** Without a terminal, print one line per finished task. @default false */
  readonly lines?: boolean;
  /** @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /** Milliseconds clock, for tests. @default performance.now */
  readonly now?: () => number;
}

export interface ProgressTask {
  /** The step under way (shown next to the spinner on a terminal). */
  update(step: string): void;
  /** Ends the task with its result, e.g. `412 resources, 3 findings`. */
  done(result: string): void;
  /** Ends the task as failed (the error itself is printed by the caller). */
  fail(): void;
}

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
const NOOP_TASK: ProgressTask = { update() {}, done() {}, fail() {} };

export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== "" && ci.toLowerCase() !== "false" && ci !== "0";
}

export class Progress {
  private readonly stream: ProgressStream;
  private readonly interactive: boolean;
  private readonly now: () => number;

  constructor(private readonly options: ProgressOptions = {}) {
    this.stream = options.stream ?? process.stderr;
    this.interactive = options.interactive ?? (this.stream.isTTY === true && !isCi(options.env ?? process.env));
    this.now = options.now ?? (() => performance.now());
  }

  /** Starts a task such as `planning prod`. */
  start(label: string): ProgressTask {
    if (this.options.quiet) return NOOP_TASK;
    const started = this.now();
    const elapsed = () => `(${((this.now() - started) / 1000).toFixed(1)} s)`;
    if (!this.interactive) {
      if (!this.options.lines) return NOOP_TASK;
      return {
        update: () => {},
        done: (result) => void this.stream.write(`phiguard: ${label} ... ${oneLine(result)} ${elapsed()}\n`),
        fail: () => void this.stream.write(`phiguard: ${label} ... failed ${elapsed()}\n`),
      };
    }
    let step = "";
    let frame = 0;
    let ended = false;
    const draw = () => {
      if (ended) return;
      const text = `${FRAMES[frame++ % FRAMES.length]} phiguard: ${label}${step ? ` ... ${step}` : ""} ${elapsed()}`;
      this.stream.write(`\r\u001b[2K${fit(text)}`);
    };
    const timer = setInterval(draw, 80);
    timer.unref?.();
    draw();
    const end = (line: string) => {
      if (ended) return;
      ended = true;
      clearInterval(timer);
      this.stream.write(`\r\u001b[2K${line}\n`);
    };
    return {
      update: (s) => {
        step = oneLine(s);
        draw();
      },
      done: (result) => end(`✓ phiguard: ${label} ... ${oneLine(result)} ${elapsed()}`),
      fail: () => end(`✗ phiguard: ${label} ... failed ${elapsed()}`),
    };
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Keeps a spinner line within the terminal width (a wrapped line cannot be redrawn). */
function fit(text: string): string {
  const width = Math.max(20, (process.stderr.columns || 100) - 1);
  return text.length <= width ? text : text.slice(0, width - 1) + "…";
}

/** `412 resources, 3 findings` (and the blocking count when there are any). */
export function describeOutcome(resources: number, findings: number, mandatory: number): string {
  const parts = [`${resources} resource${resources === 1 ? "" : "s"}`, `${findings} finding${findings === 1 ? "" : "s"}`];
  if (mandatory > 0) parts.push(`${mandatory} mandatory`);
  return parts.join(", ");
}
