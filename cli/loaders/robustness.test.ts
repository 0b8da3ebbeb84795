/**
 * Property-based: a damaged document (cut short, or with values replaced, deleted or retyped at
 * random) ends in a Plan or in a one-line PhiguardError naming the file, never in anything else.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { isPhiguardError } from "../errors";
import { PLAN_SCHEMA_VERSION, type Plan } from "../plan";
import { loadPhiguardPlan } from "./plan-file";
import { loadPreviewJson } from "./preview";
import { loadStackExport } from "./state";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = readonly (string | number)[];

const RUNS = 320;
const FILE = "input.json";
const read = (name: string) => readFileSync(join(__dirname, "fixtures", name), "utf8");
const SIG = "4dabf18193072939515e22adb298388d";

const loaders: readonly [string, (text: string, file: string) => Plan, string][] = [
  ["preview", loadPreviewJson, read("preview.json")],
  ["stack export", loadStackExport, read("stack-export.json")],
  ["stack export with plaintext secrets", loadStackExport, read("stack-export-show-secrets.json")],
  ["phiguard plan", loadPhiguardPlan, JSON.stringify(loadPreviewJson(read("preview.json"), FILE))],
];

/** Either a Plan, or a PhiguardError whose single line starts with the file name. */
function expectPlanOrInputError(load: (text: string, file: string) => Plan, text: string): void {
  // A `__proto__` key in a document must stay data (see pulumiValue below).
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  let plan: Plan;
  try {
    plan = load(text, FILE);
  } catch (error) {
    if (!isPhiguardError(error)) throw error;
    expect(error.message.startsWith(`${FILE}: `)).toBe(true);
    expect(error.message).not.toContain("\n");
    return;
  }
  expect(plan.schemaVersion).toBe(PLAN_SCHEMA_VERSION);
  expect(Array.isArray(plan.resources)).toBe(true);
  expect(() => JSON.stringify(plan)).not.toThrow();
}

/** Values that Pulumi documents hold and that a loader must treat with care. */
const pulumiValue: fc.Arbitrary<Json> = fc.constantFrom<Json>(
  "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
  "[secret]",
  "",
  "urn:pulumi:prod::clinical-records::aws:kms/key:Key::k",
  "urn:pulumi:prod::clinical-records::pulumi:providers:aws::p::id",
  { [SIG]: "1b47061264138c4ac30d75fd1eb44270", ciphertext: "v1:x" },
  { [SIG]: "c44067f5952c0a294b673a41bacd8c17", path: 3 },
  { [SIG]: "0def7320c3a5731c473e5ecbe6d01bc7", assets: { a: 1 } },
  { [SIG]: "5cf8f73096256a8f31e491e813e4eb8e" },
  { [SIG]: "8ad145fe-0d11-4827-bfd7-1abcbf086f5c", value: "zz" },
  { [SIG]: "bogus" },
  JSON.parse('{"__proto__": {"polluted": true}}') as Json,
);

const replacement: fc.Arbitrary<Json> = fc.oneof(fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>, pulumiValue);

interface Mutation {
  readonly at: number;
  readonly kind: "replace" | "delete" | "retype";
  readonly value: Json;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom("replace" as const, "delete" as const, "retype" as const),
  value: replacement,
});

/** Anywhere in the text, not mostly near the start as fast-check's small-value bias would pick. */
const cutPosition = (length: number) => fc.oneof(fc.noBias(fc.nat({ max: length })), fc.constantFrom(0, 1, length - 1, length));

/** Every path to a value inside the document, the root excluded. */
function pathsOf(value: Json, at: Path = [], out: Path[] = []): Path[] {
  const children: [string | number, Json][] = Array.isArray(value)
    ? value.map((item, i) => [i, item])
    : value !== null && typeof value === "object"
      ? Object.entries(value)
      : [];
  for (const [key, item] of children) {
    out.push([...at, key]);
    pathsOf(item, [...at, key], out);
  }
  return out;
}

/** The same value as another JSON type. */
function retyped(value: Json): Json {
  if (typeof value === "string") return value.length;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? 1 : "false";
  if (value === null) return {};
  if (Array.isArray(value)) return Object.fromEntries(value.map((item, i) => [String(i), item]));
  return Object.values(value);
}

function mutate(document: Json, mutations: readonly Mutation[]): Json {
  const copy = structuredClone(document);
  for (const { at, kind, value } of mutations) {
    const paths = pathsOf(copy);
    if (paths.length === 0) return kind === "retype" ? retyped(copy) : structuredClone(value);
    const path = paths[at % paths.length] as Path;
    const key = path[path.length - 1] as string | number;
    let parent = copy as Record<string | number, Json>;
    for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, Json>;
    if (kind === "delete") {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else {
      // A copy: the replacement values are shared constants, and a later mutation must not change
      // them (or make one contain itself).
      parent[key] = kind === "retype" ? retyped(parent[key] as Json) : structuredClone(value);
    }
  }
  return copy;
}

describe.each(loaders)("%s loader on damaged documents", (_name, load, text) => {
  const document = JSON.parse(text) as Json;

  test("the undamaged document loads", () => {
    expect(load(text, FILE).schemaVersion).toBe(PLAN_SCHEMA_VERSION);
  });

  test("cut short anywhere", () => {
    fc.assert(
      fc.property(cutPosition(text.length), (length) => expectPlanOrInputError(load, text.slice(0, length))),
      { numRuns: RUNS },
    );
  });

  test("values replaced, deleted or retyped anywhere", () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) =>
        expectPlanOrInputError(load, JSON.stringify(mutate(document, mutations))),
      ),
      { numRuns: RUNS },
    );
  });

  test("a few mutations, then cut short", () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 2 }), fc.noBias(fc.double({ min: 0, max: 1, noNaN: true })), (mutations, cut) => {
        const damaged = JSON.stringify(mutate(document, mutations), null, 2);
        expectPlanOrInputError(load, damaged.slice(0, Math.floor(damaged.length * cut)));
      }),
      { numRuns: RUNS },
    );
  });
});
