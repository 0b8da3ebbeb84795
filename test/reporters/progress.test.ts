import { describe, expect, test } from "vitest";
import { describeOutcome, isCi, Progress } from "../../cli/progress";

function stream(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, write: (t: string) => chunks.push(t), isTTY };
}

function clock(...times: number[]) {
  let i = 0;
  return () => times[Math.min(i++, times.length - 1)]!;
}

describe("progress", () => {
  test("in CI or without a terminal: one plain line per finished task, only when lines are on", () => {
    const s = stream(false);
    const p = new Progress({ stream: s, lines: true, now: clock(0, 2100, 3000, 3400) });
    const a = p.start("planning prod");
    a.update("evaluating 96 rules over 412 resources");
    a.done(describeOutcome(412, 3, 2));
    p.start("planning dev").fail();
    expect(s.chunks).toEqual([
      "phiguard: planning prod ... 412 resources, 3 findings, 2 mandatory (2.1 s)\n",
      "phiguard: planning dev ... failed (0.4 s)\n",
    ]);
    const silent = stream(false);
    new Progress({ stream: silent, now: clock(0) }).start("planning prod").done("x");
    expect(silent.chunks).toEqual([]);
  });

  test("CI=true is line-oriented even on a terminal", () => {
    const s = stream(true);
    new Progress({ stream: s, lines: true, env: { CI: "true" }, now: clock(0, 1000) }).start("planning prod").done("1 resource, 0 findings");
    expect(s.chunks).toEqual(["phiguard: planning prod ... 1 resource, 0 findings (1.0 s)\n"]);
    expect(isCi({ CI: "true" })).toBe(true);
    expect(isCi({ CI: "1" })).toBe(true);
    expect(isCi({ CI: "false" })).toBe(false);
    expect(isCi({ CI: "0" })).toBe(false);
    expect(isCi({})).toBe(false);
  });

  test("on a terminal: a spinner line redrawn in place, then the result line", () => {
    const s = stream(true);
    const task = new Progress({ stream: s, env: {}, now: clock(0, 500, 1000, 1500, 2000) }).start("planning prod");
    task.update("evaluating rules");
    task.done("412 resources, 0 findings");
    const CLEAR = "\r\u001b[2K";
    expect(s.chunks.every((c) => c.startsWith(CLEAR))).toBe(true);
    const text = s.chunks.map((c) => c.slice(CLEAR.length));
    expect(text[0]).toMatch(/^⠋ phiguard: planning prod \(/);
    expect(text[1]).toMatch(/^⠙ phiguard: planning prod \.\.\. evaluating rules \(/);
    expect(text.at(-1)).toMatch(/^✓ phiguard: planning prod \.\.\. 412 resources, 0 findings \(\d\.\d s\)\n$/);
    const n = s.chunks.length;
    task.update("late");
    task.done("again");
    expect(s.chunks).toHaveLength(n);
  });

  test("quiet: nothing at all", () => {
    const s = stream(true);
    const task = new Progress({ stream: s, quiet: true, lines: true }).start("planning prod");
    task.update("x");
    task.done("y");
    expect(s.chunks).toEqual([]);
  });

  test("outcome wording", () => {
    expect(describeOutcome(1, 1, 0)).toBe("1 resource, 1 finding");
    expect(describeOutcome(412, 3, 2)).toBe("412 resources, 3 findings, 2 mandatory");
  });
});
