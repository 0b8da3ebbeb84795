/**
 * Plan values → the values a policy sees, as `@pulumi/policy`'s `deserializeProperties` produces
 * them from the wire: plain JSON, unknowns left as the unknown sentinel (which the proxy turns into
 * an error on access), assets and archives as `@pulumi/pulumi` asset objects. Secrets, whose value a
 * plan never holds, become the unknown sentinel too. Object keys come in sorted order, as from the
 * protobuf Struct the engine sends (jspb iterates map keys sorted).
 */
import {
  Archive,
  Asset,
  AssetArchive,
  FileArchive,
  FileAsset,
  RemoteArchive,
  RemoteAsset,
  StringAsset,
} from "@pulumi/pulumi/asset";
import { MARKER_KEY, type PlanValue, type Props } from "../../cli/plan";
import { UNKNOWN_SENTINEL } from "./proxy";

/** Thrown for a plan value the wire format cannot carry; the caller names the resource. */
export class InvalidPlanValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidPlanValueError";
  }
}

/** A fresh copy each call, so a rule that mutates its props cannot affect another rule. */
export function toPolicyProps(props: Props): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(props).sort()) {
    const value = props[key];
    // Like deserializeProperties: a property whose value is undefined does not exist.
    if (value !== undefined) result[key] = toPolicyValue(value);
  }
  return result;
}

export function toPolicyValue(value: PlanValue): unknown {
  if (value === null || typeof value !== "object") {
    if (value === undefined) throw new InvalidPlanValueError("unexpected undefined property value");
    return value;
  }
  if (Array.isArray(value)) return value.map((v: PlanValue) => toPolicyValue(v));
  const record = value as Record<string, PlanValue>;
  const marker = record[MARKER_KEY];
  if (marker !== undefined) {
    switch (marker) {
      case "unknown":
      case "secret":
        return UNKNOWN_SENTINEL;
      case "asset":
        return toAsset(record);
      case "archive":
        return toArchive(record);
      default:
        throw new InvalidPlanValueError(`unrecognized ${MARKER_KEY} marker ${JSON.stringify(marker)}`);
    }
  }
  const obj: Record<string, unknown> = {};
  for (const key of Object.keys(record).sort()) obj[key] = toPolicyValue(record[key] as PlanValue);
  return obj;
}

// The same precedence as @pulumi/policy's deserializeProperty.
function toAsset(value: Record<string, PlanValue>): Asset {
  if (value.path) return new FileAsset(String(value.path));
  if (value.text) return new StringAsset(String(value.text));
  if (value.uri) return new RemoteAsset(String(value.uri));
  throw new InvalidPlanValueError("invalid asset: expected path, text or uri");
}

function toArchive(value: Record<string, PlanValue>): Archive {
  const assets = value.assets;
  if (assets) {
    const converted: Record<string, Asset | Archive> = {};
    for (const name of Object.keys(assets as Record<string, PlanValue>).sort()) {
      const a = toPolicyValue((assets as Record<string, PlanValue>)[name] as PlanValue);
      if (!Asset.isInstance(a) && !Archive.isInstance(a)) {
        throw new InvalidPlanValueError(`invalid archive: member '${name}' is not an asset or archive`);
      }
      converted[name] = a;
    }
    return new AssetArchive(converted);
  }
  if (value.path) return new FileArchive(String(value.path));
  if (value.uri) return new RemoteArchive(String(value.uri));
  throw new InvalidPlanValueError("invalid archive: expected assets, path or uri");
}
