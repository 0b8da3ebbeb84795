import { describe, expect, it } from "vitest";
import { durationSeconds } from "./duration";

describe("durationSeconds (Go time.ParseDuration, in seconds)", () => {
  it.each([
    ["", 0],
    ["0", 0],
    ["10m", 600],
    ["1h30m", 5400],
    ["1.5h", 5400],
    ["90s", 90],
    ["500ms", 0.5],
    ["-2m", -120],
    ["1h0m0s", 3600],
  ])("%j → %d", (text, seconds) => {
    expect(durationSeconds(text)).toBeCloseTo(seconds, 9);
  });

  it.each(["10", "m", "10 m", "10d", "1h 30m", "-", "abc"])("rejects %j", (text) => {
    expect(durationSeconds(text)).toBeUndefined();
  });
});
