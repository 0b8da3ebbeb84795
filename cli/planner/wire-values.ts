/**
 * Converts values in Pulumi's gRPC wire format (what the SDK puts in a RegisterResourceRequest)
 * into Plan values. Secrets lose their value here, so nothing downstream can ever print one.
 */
import { SECRET, UNKNOWN, MARKER_KEY, type PlanValue, type PlanObject } from "../plan";

/** Pulumi's wire-format sentinels (sdk/nodejs/runtime/rpc.ts), stable across SDK versions. */
export const WIRE = {
  unknown: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
  sigKey: "4dabf18193072939515e22adb298388d",
  assetSig: "c44067f5952c0a294b673a41bacd8c17",
  archiveSig: "0def7320c3a5731c473e5ecbe6d01bc7",
  secretSig: "1b47061264138c4ac30d75fd1eb44270",
  resourceSig: "5cf8f73096256a8f31e491e813e4eb8e",
  outputValueSig: "d0e6a833031e9bbcd3f4e8bde6ca49a4",
} as const;

/** A resource reference becomes the referenced resource's URN (as the loaders render it too). */
export function fromWire(value: unknown): PlanValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value === WIRE.unknown ? UNKNOWN : value;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (Array.isArray(value)) return value.map((v) => fromWire(v));
  if (typeof value !== "object") return null;
  const obj = value as Record<string, unknown>;
  switch (obj[WIRE.sigKey]) {
    case undefined:
      break;
    case WIRE.secretSig:
      return SECRET;
    case WIRE.assetSig:
      return pick({ [MARKER_KEY]: "asset" }, obj, ["path", "text", "uri"]);
    case WIRE.archiveSig: {
      const archive = pick({ [MARKER_KEY]: "archive" }, obj, ["path", "uri"]);
      if (obj.assets && typeof obj.assets === "object") {
        const assets: Record<string, PlanValue> = {};
        for (const [k, v] of Object.entries(obj.assets as Record<string, unknown>)) {
          assets[k] = fromWire(v);
        }
        return { ...archive, assets };
      }
      return archive;
    }
    case WIRE.resourceSig:
      return typeof obj.urn === "string" ? obj.urn : UNKNOWN;
    case WIRE.outputValueSig: {
      if (obj.secret === true) return SECRET;
      return "value" in obj ? fromWire(obj.value) : UNKNOWN;
    }
    default:
      return UNKNOWN;
  }
  const out: Record<string, PlanValue> = {};
  for (const key of Object.keys(obj)) {
    if (obj[key] === undefined) continue;
    out[key] = fromWire(obj[key]);
  }
  return out;
}

function pick(base: Record<string, string>, from: Record<string, unknown>, keys: readonly string[]): PlanObject {
  const out: Record<string, PlanValue> = { ...base };
  for (const key of keys) {
    if (typeof from[key] === "string") out[key] = from[key] as string;
  }
  return out;
}
