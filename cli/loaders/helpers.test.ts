import { describe, expect, test } from "vitest";
import { formatPath } from "./field-errors";
import { goDuration } from "./resource-options";
import { parseSourcePosition } from "./source-position";
import { isDefaultProviderUrn, isUrn, parseUrn, providerUrnOf } from "./urn";

describe("URNs", () => {
  const child = "urn:pulumi:prod::records::phiguard:storage:PhiBucket$aws:s3/bucket:Bucket::a::b";

  test("parts; a name may hold `::`", () => {
    expect(parseUrn(child)).toStrictEqual({
      stack: "prod",
      project: "records",
      qualifiedType: "phiguard:storage:PhiBucket$aws:s3/bucket:Bucket",
      type: "aws:s3/bucket:Bucket",
      name: "a::b",
    });
    expect(isUrn(child)).toBe(true);
    expect(isUrn("urn:pulumi:prod::records")).toBe(false);
    expect(isUrn("arn:aws:s3:::bucket")).toBe(false);
  });

  test("provider references and default providers", () => {
    const provider = "urn:pulumi:prod::records::pulumi:providers:aws::default_7_48_0";
    expect(providerUrnOf(`${provider}::04da6b54-80e4-46f7-96ec-b56ff0331ba9`)).toBe(provider);
    expect(providerUrnOf(provider)).toBeUndefined();
    expect(providerUrnOf(`${child}::id`)).toBeUndefined();
    expect(isDefaultProviderUrn(provider)).toBe(true);
    expect(isDefaultProviderUrn("urn:pulumi:prod::records::pulumi:providers:aws::use1")).toBe(false);
    expect(isDefaultProviderUrn("urn:pulumi:prod::records::my:component:C$pulumi:providers:aws::default")).toBe(true);
  });
});

test("field paths read like code", () => {
  expect(formatPath(["steps", 3, "newState", "inputs", "aws:region", "a b", "_ok$"])).toBe('steps[3].newState.inputs["aws:region"]["a b"]._ok$');
  expect(formatPath([])).toBe("");
});

test("custom timeouts in seconds read back as Go durations", () => {
  expect([600, 5400, 90.5, 3600, 45, 7261, 0.25].map(goDuration)).toStrictEqual(["10m", "1h30m", "1m30.5s", "1h", "45s", "2h1m1s", "0.25s"]);
});

test("source positions", () => {
  expect(parseSourcePosition("project:///src/index.ts#12,5")).toStrictEqual({ file: "src/index.ts", line: 12, column: 5 });
  expect(parseSourcePosition("project:///my%20app/index.ts#7")).toStrictEqual({ file: "my app/index.ts", line: 7, column: 0 });
  expect(parseSourcePosition("index.ts:12")).toBeUndefined();
  expect(parseSourcePosition("project:///%E0%A4%A#1")).toBeUndefined();
  expect(parseSourcePosition(undefined)).toBeUndefined();
});
