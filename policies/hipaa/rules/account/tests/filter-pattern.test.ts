import { describe, expect, it } from "vitest";
import { conditionsOf, FilterPatternError, matchesFilterPattern, parseFilterPattern, valueAt } from "../lib/filter-pattern";

const event = {
  eventName: "ConsoleLogin",
  errorCode: "Client.UnauthorizedOperation",
  count: 3,
  userIdentity: { type: "IAMUser", userName: "jdoe" },
  resources: [{ ARN: "arn:aws:s3:::records" }],
  responseElements: null,
};

describe("the CloudWatch Logs JSON filter-pattern evaluator (the subset phiguard uses)", () => {
  it.each([
    ['{ $.eventName = "ConsoleLogin" }', true],
    ["{ $.eventName = ConsoleLogin }", true],
    ['{ $.eventName = "consolelogin" }', false],
    ['{ $.eventName != "ConsoleLogin" }', false],
    ['{ $.eventName != "StopLogging" }', true],
    ['{ $.errorCode = "*UnauthorizedOperation" }', true],
    ['{ $.errorCode = "Client.*" }', true],
    ['{ $.errorCode = "*Unauthorized*" }', true],
    ['{ $.errorCode = "AccessDenied*" }', false],
    ['{ $.userIdentity.type = "IAMUser" && $.userIdentity.userName = "jdoe" }', true],
    ['{ ($.eventName = "StopLogging") || ($.eventName = "ConsoleLogin") }', true],
    ['{ ($.eventName = "ConsoleLogin") && (($.errorCode = "X") || ($.errorCode = "Client.UnauthorizedOperation")) }', true],
    ['{ ($.eventName = "ConsoleLogin") && (($.errorCode = "X") || ($.errorCode = "Y")) }', false],
    ["{ $.userIdentity.invokedBy NOT EXISTS }", true],
    ["{ $.userIdentity.type NOT EXISTS }", false],
    ["{ $.userIdentity.type EXISTS }", true],
    ['{ $.resources[0].ARN = "arn:aws:s3:::*" }', true],
    ['{ $.resources[1].ARN = "*" }', false],
    ["{ $.count = 3 }", true],
    ['{ $.count = "3" }', false],
  ])("%s → %s", (pattern, expected) => {
    expect(matchesFilterPattern(pattern, event)).toBe(expected);
  });

  it("makes every comparison on an absent field false, = and != alike", () => {
    expect(matchesFilterPattern('{ $.additionalEventData.MFAUsed = "Yes" }', event)).toBe(false);
    expect(matchesFilterPattern('{ $.additionalEventData.MFAUsed != "Yes" }', event)).toBe(false);
    expect(matchesFilterPattern('{ $.responseElements.ConsoleLogin != "Success" }', event)).toBe(false);
  });

  it("lists the conditions of a pattern with their selectors", () => {
    const conditions = conditionsOf('{ (($.a = "1") || ($.b.c != "2")) && ($.d NOT EXISTS) }');
    expect(conditions.map((c) => c.selector)).toEqual(["$.a", "$.b.c", "$.d"]);
    expect(conditions[1]).toMatchObject({ kind: "compare", operator: "!=", path: ["b", "c"], value: "2", quoted: true });
    expect(conditions[2]).toMatchObject({ kind: "exists", exists: false });
  });

  it("reads values by path", () => {
    expect(valueAt(event, ["userIdentity", "type"])).toEqual({ found: true, value: "IAMUser" });
    expect(valueAt(event, ["responseElements", "x"])).toEqual({ found: false });
    expect(valueAt(event, ["resources", 0, "ARN"])).toEqual({ found: true, value: "arn:aws:s3:::records" });
  });

  it.each([
    ['$.eventName = "X"', /not a JSON filter pattern/],
    ['ERROR "Access Denied"', /not a JSON filter pattern/],
    ['{ $.a = "1" || $.b = "2" && $.c = "3" }', /mixed on one level without parentheses/],
    ["{ $.count > 2 }", /unsupported character|expected `=`/],
    ["{ $.a IS NULL }", /expected `=`, `!=`, `EXISTS` or `NOT EXISTS`/],
    ['{ ($.a = "1" }', /expected `\)`/],
    ['{ $.a = "1" } extra', /unexpected text|not a JSON filter pattern/],
    ['{ $ = "1" }', /selector without a property/],
    ['{ $.a = "unterminated }', /unterminated quoted string/],
  ])("refuses %s", (pattern, message) => {
    expect(() => parseFilterPattern(pattern)).toThrow(FilterPatternError);
    expect(() => parseFilterPattern(pattern)).toThrow(message);
  });
});
