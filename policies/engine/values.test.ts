import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { SECRET, UNKNOWN, type Props } from "../../cli/plan";
import { UNKNOWN_SENTINEL, unknownCheckingProxy, UnverifiableValueError } from "./proxy";
import { InvalidPlanValueError, toPolicyProps } from "./values";

describe("toPolicyProps", () => {
  it("converts assets and archives to @pulumi/pulumi asset objects, with deserialize.js's precedence", async () => {
    const props = toPolicyProps({
      file: { "@phiguard": "asset", path: "a.txt", text: "ignored" },
      text: { "@phiguard": "asset", text: "hello" },
      remote: { "@phiguard": "asset", uri: "https://example.com/a" },
      dir: { "@phiguard": "archive", path: "./dist" },
      zip: { "@phiguard": "archive", uri: "https://example.com/a.zip" },
      bundle: { "@phiguard": "archive", assets: { "b.js": { "@phiguard": "asset", text: "b" }, inner: { "@phiguard": "archive", path: "x" } } },
    });
    expect(props.file).toBeInstanceOf(pulumi.asset.FileAsset);
    expect(await (props.file as pulumi.asset.FileAsset).path).toBe("a.txt");
    expect(props.text).toBeInstanceOf(pulumi.asset.StringAsset);
    expect(props.remote).toBeInstanceOf(pulumi.asset.RemoteAsset);
    expect(props.dir).toBeInstanceOf(pulumi.asset.FileArchive);
    expect(props.zip).toBeInstanceOf(pulumi.asset.RemoteArchive);
    expect(props.bundle).toBeInstanceOf(pulumi.asset.AssetArchive);
    expect(Object.keys(await (props.bundle as pulumi.asset.AssetArchive).assets)).toEqual(["b.js", "inner"]);
  });

  it("sorts object keys as a protobuf Struct does, and turns unknowns and secrets into the sentinel", () => {
    const props = toPolicyProps({ z: 1, a: { y: UNKNOWN, b: [SECRET, null, true] } });
    expect(Object.keys(props)).toEqual(["a", "z"]);
    expect(props).toEqual({ a: { b: [UNKNOWN_SENTINEL, null, true], y: UNKNOWN_SENTINEL }, z: 1 });
  });

  it("rejects invalid assets, archives and markers", () => {
    for (const bad of [{ "@phiguard": "asset" }, { "@phiguard": "archive" }, { "@phiguard": "archive", assets: { a: "x" } }, { "@phiguard": "nope" }]) {
      expect(() => toPolicyProps({ v: bad } as unknown as Props)).toThrow(InvalidPlanValueError);
    }
  });
});

describe("unknownCheckingProxy", () => {
  const planProps: Props = { a: { b: [UNKNOWN, 2] }, s: SECRET, f: Object.freeze([1]) as unknown as Props[string] };
  const proxied = unknownCheckingProxy(toPolicyProps(planProps), { urn: "urn:x", planProps, label: "props" });

  it("throws on reading an unknown, with the path and the policy SDK's wording", () => {
    let error: unknown;
    try {
      void (proxied.a as { b: unknown[] }).b[0];
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnverifiableValueError);
    expect((error as UnverifiableValueError).message).toBe("string value at .a.b.0 can't be known during preview");
    expect((error as UnverifiableValueError).path).toBe("props.a.b.0");
    expect((error as UnverifiableValueError).reason).toBe("unknown");
    expect((proxied.a as { b: unknown[] }).b[1]).toBe(2);
  });

  it("tells a secret from an unknown", () => {
    expect(() => proxied.s).toThrow(expect.objectContaining({ reason: "secret", path: "props.s" }) as Error);
  });

  it("works with array methods (the proxy invariant for non-writable properties)", () => {
    expect((proxied.f as number[]).filter((x) => x === 1)).toEqual([1]);
    expect(((proxied.a as { b: unknown[] }).b as unknown[]).length).toBe(2);
  });
});
