import { describe, expect, test } from "vitest";
import { isPhiguardError } from "../errors";
import { SECRET, UNKNOWN } from "../plan";
import { toPlanValue, toProps } from "./values";

const SIG = "4dabf18193072939515e22adb298388d";
const state = { file: "state.json", blindedSecrets: false };
const preview = { file: "preview.json", blindedSecrets: true };
const convert = (value: unknown, ctx = state) => toPlanValue(value, ["inputs"], ctx);

function errorOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(isPhiguardError(error)).toBe(true);
    return (error as Error).message;
  }
  throw new Error("expected a PhiguardError");
}

describe("toPlanValue", () => {
  test("plain JSON passes through", () => {
    const value = { a: [1, "two", true, null, { b: 2.5 }], c: "" };
    expect(convert(value)).toStrictEqual(value);
  });

  test("the computed placeholder is unknown, in a preview and in a state", () => {
    expect(convert("04da6b54-80e4-46f7-96ec-b56ff0331ba9")).toStrictEqual(UNKNOWN);
    expect(convert(["04da6b54-80e4-46f7-96ec-b56ff0331ba9"], preview)).toStrictEqual([UNKNOWN]);
  });

  test("secrets: signature objects anywhere, `[secret]` only where a preview blinded them", () => {
    const ciphertext = { [SIG]: "1b47061264138c4ac30d75fd1eb44270", ciphertext: "v1:abc" };
    const plaintext = { [SIG]: "1b47061264138c4ac30d75fd1eb44270", plaintext: '"hunter2"' };
    expect(convert({ a: ciphertext, b: plaintext })).toStrictEqual({ a: SECRET, b: SECRET });
    expect(convert("[secret]", preview)).toStrictEqual(SECRET);
    expect(convert("[secret]", state)).toBe("[secret]");
  });

  test("assets keep path, text or uri; the hash goes", () => {
    const asset = (fields: object) => ({ [SIG]: "c44067f5952c0a294b673a41bacd8c17", hash: "abc", ...fields });
    expect(convert(asset({ path: "a.txt" }))).toStrictEqual({ "@phiguard": "asset", path: "a.txt" });
    expect(convert(asset({ text: "hello" }))).toStrictEqual({ "@phiguard": "asset", text: "hello" });
    expect(convert(asset({ uri: "https://example.com/x" }))).toStrictEqual({ "@phiguard": "asset", uri: "https://example.com/x" });
  });

  test("archives, nested ones included", () => {
    const archive = {
      [SIG]: "0def7320c3a5731c473e5ecbe6d01bc7",
      hash: "abc",
      assets: {
        "index.js": { [SIG]: "c44067f5952c0a294b673a41bacd8c17", text: "exports.handler = () => 1;" },
        lib: { [SIG]: "0def7320c3a5731c473e5ecbe6d01bc7", path: "./lib" },
      },
    };
    expect(convert(archive)).toStrictEqual({
      "@phiguard": "archive",
      assets: {
        "index.js": { "@phiguard": "asset", text: "exports.handler = () => 1;" },
        lib: { "@phiguard": "archive", path: "./lib" },
      },
    });
    expect(convert({ [SIG]: "0def7320c3a5731c473e5ecbe6d01bc7", uri: "s3://b/k.zip" })).toStrictEqual({ "@phiguard": "archive", uri: "s3://b/k.zip" });
  });

  test("a resource reference is the URN it names", () => {
    const urn = "urn:pulumi:prod::p::aws:kms/key:Key::k";
    expect(convert({ [SIG]: "5cf8f73096256a8f31e491e813e4eb8e", urn, id: "mrk-1", packageVersion: "7.48.0" })).toBe(urn);
  });

  test("output values: secret, known, unknown", () => {
    const output = (fields: object) => ({ [SIG]: "d0e6a833031e9bbcd3f4e8bde6ca49a4", ...fields });
    expect(convert(output({ value: "x", secret: true }))).toStrictEqual(SECRET);
    expect(convert(output({ value: { a: 1 } }))).toStrictEqual({ a: 1 });
    expect(convert(output({ dependencies: [] }))).toStrictEqual(UNKNOWN);
  });

  test("byte strings and special floats", () => {
    expect(convert({ [SIG]: "803fd3297a5875dc03ca845dda5d2a98", value: Buffer.from("abc").toString("base64") })).toBe("abc");
    expect(convert({ [SIG]: "8ad145fe-0d11-4827-bfd7-1abcbf086f5c", value: "7ff0000000000000" })).toBe("Infinity");
    expect(convert({ [SIG]: "8ad145fe-0d11-4827-bfd7-1abcbf086f5c", value: "3ff8000000000000" })).toBe(1.5);
  });

  test("a `__proto__` key stays data", () => {
    const props = toProps(JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>, ["inputs"], state);
    expect(Object.getPrototypeOf(props)).toBe(Object.prototype);
    expect(Object.keys(props)).toStrictEqual(["__proto__", "a"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test("malformed signed values name their path", () => {
    expect(errorOf(() => convert({ x: [{ [SIG]: "c44067f5952c0a294b673a41bacd8c17", path: 3 }] }))).toBe(
      "state.json: inputs.x[0].path: expected a string, got number",
    );
    expect(errorOf(() => convert({ [SIG]: "5cf8f73096256a8f31e491e813e4eb8e" }))).toBe("state.json: inputs.urn: missing, expected a string");
    expect(errorOf(() => convert({ [SIG]: "0def7320c3a5731c473e5ecbe6d01bc7", assets: { a: "text" } }))).toBe(
      'state.json: inputs.assets.a: expected an asset or an archive in the archive\'s assets, got "text"',
    );
    expect(errorOf(() => convert({ [SIG]: 12 }))).toBe(
      'state.json: inputs["4dabf18193072939515e22adb298388d"]: unrecognized Pulumi value signature 12',
    );
  });

  test("absurd nesting is an input error, not a stack overflow", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 5000; i++) deep = [deep];
    expect(errorOf(() => convert(deep))).toMatch(/^state\.json: inputs(\[0\])+: nested deeper than 200 levels$/);
  });
});
