/**
 * Converts Pulumi's serialized property values (the `inputs` of a `ResourceV3`, in a stack export or
 * a preview) into Plan values. A secret loses its value here, ciphertext and plaintext alike, so
 * nothing downstream can ever print one.
 */
import { z } from "zod";
import { MARKER_KEY, SECRET, UNKNOWN, type AssetValue, type ArchiveValue, type PlanValue, type Props } from "../plan";
import { fieldError, shown, type FieldPath } from "./field-errors";
import { BLINDED_SECRET, SIGNATURE, SIGNATURE_KEY, UNKNOWN_PLACEHOLDER } from "./pulumi-signatures";
import { parseWith } from "./schema-errors";

export interface ValueContext {
  readonly file: string;
  /** A preview replaces every secret by the string `[secret]`; a stack export keeps it as an object. */
  readonly blindedSecrets: boolean;
}

/** Deeper than any real resource; stops a hostile document from overflowing the stack. */
const MAX_DEPTH = 200;

export function toProps(inputs: Readonly<Record<string, unknown>>, at: FieldPath, ctx: ValueContext): Props {
  return toObject(inputs, at, ctx, 0);
}

export function toPlanValue(value: unknown, at: FieldPath, ctx: ValueContext, depth = 0): PlanValue {
  if (depth > MAX_DEPTH) throw fieldError(ctx.file, at, `nested deeper than ${MAX_DEPTH} levels`);
  if (value === null || typeof value === "boolean" || typeof value === "number") return value;
  if (typeof value === "string") {
    if (value === UNKNOWN_PLACEHOLDER) return UNKNOWN;
    return ctx.blindedSecrets && value === BLINDED_SECRET ? SECRET : value;
  }
  if (Array.isArray(value)) return value.map((item, i) => toPlanValue(item, [...at, i], ctx, depth + 1));
  if (typeof value === "object") {
    const object = value as Record<string, unknown>;
    if (SIGNATURE_KEY in object) return fromSignedObject(object, at, ctx, depth);
    return toObject(object, at, ctx, depth);
  }
  throw fieldError(ctx.file, at, `expected a JSON value, got ${typeof value}`);
}

function toObject(object: Readonly<Record<string, unknown>>, at: FieldPath, ctx: ValueContext, depth: number): Props {
  // fromEntries defines own properties, so a `__proto__` key stays data instead of a prototype.
  return Object.fromEntries(
    Object.entries(object).map(([key, item]) => [key, toPlanValue(item, [...at, key], ctx, depth + 1)]),
  );
}

const stringField = z.string().optional();
const assetShape = z.object({ path: stringField, text: stringField, uri: stringField });
const archiveShape = z.object({ path: stringField, uri: stringField, assets: z.record(z.string(), z.unknown()).optional() });
const referenceShape = z.object({ urn: z.string() });
const outputShape = z.object({ secret: z.boolean().optional() });
const encodedShape = z.object({ value: z.string() });

/** Objects tagged with Pulumi's signature key: secrets, assets, archives, references, ... */
function fromSignedObject(object: Record<string, unknown>, at: FieldPath, ctx: ValueContext, depth: number): PlanValue {
  const signature = object[SIGNATURE_KEY];
  const parse = <S extends z.ZodType>(schema: S) => parseWith(schema, object, ctx.file, at);
  switch (signature) {
    case SIGNATURE.secret:
      return SECRET;
    case SIGNATURE.asset:
      return toAsset(parse(assetShape));
    case SIGNATURE.archive:
      return toArchive(object, at, ctx, depth);
    case SIGNATURE.resourceReference:
      // Rules join resources by URN, so a reference becomes the URN it names.
      return parse(referenceShape).urn;
    case SIGNATURE.outputValue:
      if (parse(outputShape).secret === true) return SECRET;
      return "value" in object ? toPlanValue(object.value, [...at, "value"], ctx, depth + 1) : UNKNOWN;
    case SIGNATURE.byteString:
      return Buffer.from(parse(encodedShape).value, "base64").toString("utf8");
    case SIGNATURE.float:
      return decodeSpecialFloat(parse(encodedShape).value, at, ctx);
    default:
      throw fieldError(ctx.file, [...at, SIGNATURE_KEY], `unrecognized Pulumi value signature ${shown(signature)}`);
  }
}

function toAsset(fields: z.output<typeof assetShape>): AssetValue {
  // Pulumi omits empty fields; the content hash is of no use to a rule.
  return {
    [MARKER_KEY]: "asset",
    ...(fields.path ? { path: fields.path } : {}),
    ...(fields.text ? { text: fields.text } : {}),
    ...(fields.uri ? { uri: fields.uri } : {}),
  };
}

function toArchive(object: Record<string, unknown>, at: FieldPath, ctx: ValueContext, depth: number): ArchiveValue {
  if (depth > MAX_DEPTH) throw fieldError(ctx.file, at, `nested deeper than ${MAX_DEPTH} levels`);
  const fields = parseWith(archiveShape, object, ctx.file, at);
  const assets = fields.assets
    ? Object.fromEntries(
        Object.entries(fields.assets).map(([name, member]) => [name, toArchiveMember(member, [...at, "assets", name], ctx, depth + 1)]),
      )
    : undefined;
  return {
    [MARKER_KEY]: "archive",
    ...(fields.path ? { path: fields.path } : {}),
    ...(fields.uri ? { uri: fields.uri } : {}),
    ...(assets ? { assets } : {}),
  };
}

function toArchiveMember(member: unknown, at: FieldPath, ctx: ValueContext, depth: number): AssetValue | ArchiveValue {
  const signature = member !== null && typeof member === "object" ? (member as Record<string, unknown>)[SIGNATURE_KEY] : undefined;
  if (signature === SIGNATURE.asset) return toAsset(parseWith(assetShape, member, ctx.file, at));
  if (signature === SIGNATURE.archive) return toArchive(member as Record<string, unknown>, at, ctx, depth);
  throw fieldError(ctx.file, at, `expected an asset or an archive in the archive's assets, got ${shown(member)}`);
}

/** JSON has no NaN or Infinity, and a Plan must stay JSON, so such a number is kept as its name. */
function decodeSpecialFloat(hex: string, at: FieldPath, ctx: ValueContext): number | string {
  if (!/^[0-9a-fA-F]{16}$/.test(hex)) throw fieldError(ctx.file, [...at, "value"], `expected 16 hex digits, got ${shown(hex)}`);
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  const number = view.getFloat64(0);
  return Number.isFinite(number) ? number : String(number);
}
