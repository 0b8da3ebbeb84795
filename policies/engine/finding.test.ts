import { describe, expect, it } from "vitest";
import { compareFindings, sortFindings, type Finding } from "./finding";

const f = (ruleId: string, urn: string | undefined, message: string, kind: Finding["kind"] = "violation"): Finding => ({
  ruleId,
  level: "advisory",
  kind,
  ...(urn ? { urn } : {}),
  message,
  hipaa: [],
});

describe("sortFindings", () => {
  it("orders by rule, then resource (stack-level first), then message, in code-unit order", () => {
    const input = [f("b", "urn:2", "x"), f("a", "urn:1", "y"), f("a", undefined, "z"), f("a", "urn:1", "X"), f("B", "urn:1", "m")];
    expect(sortFindings(input).map((x) => [x.ruleId, x.urn, x.message])).toEqual([
      ["B", "urn:1", "m"],
      ["a", undefined, "z"],
      ["a", "urn:1", "X"],
      ["a", "urn:1", "y"],
      ["b", "urn:2", "x"],
    ]);
  });

  it("is deterministic for ties in the three keys and leaves its input alone", () => {
    const a = f("r", "u", "m", "violation");
    const b = f("r", "u", "m", "unverifiable");
    const input = [a, b];
    expect(sortFindings(input)).toEqual(sortFindings([b, a]));
    expect(input).toEqual([a, b]);
    expect(compareFindings(a, a)).toBe(0);
  });
});
