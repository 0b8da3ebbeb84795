/**
 * Reading resource props in rules. Rules read props naturally, so a value unknown at preview makes
 * the rule "cannot be verified until deploy" (the engine's and CrossGuard's unknown-checking proxy).
 * Two exceptions, both about *whether* a value is there rather than *what* it is:
 *
 * - `hasValue`: an input fed by another resource's output (e.g. `kmsKeyId: key.arn`) is set, even
 *   though its value is unknown; a rule that needs "a customer managed key is configured" passes it.
 * - `peekString`: a literal string if known, else undefined; used only to join resources by a
 *   literal name when no `propertyDependencies` relate them.
 */
import { UNKNOWN_SENTINEL } from "../../../../engine/proxy";

/**
 * Resource props as rules read them: untyped JSON from the engine, exactly as `@pulumi/policy` types
 * them (`props: Props`). Rules narrow with the provider's `*Args` types where it helps.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Props = Record<string, any>;

/** The tag that marks what a resource holds. */
export const CLASSIFICATION_TAG = "data-classification";
export const PHI = "phi";

/** The raw value of `obj[key]`, read through the property descriptor (the proxies do not trap it). */
function raw(obj: unknown, key: string): unknown {
  if (obj === null || typeof obj !== "object") return undefined;
  return Object.getOwnPropertyDescriptor(obj, key)?.value;
}

/** True when `obj[key]` holds a value, known or not (an empty string or empty array is no value). */
export function hasValue(obj: unknown, key: string): boolean {
  const value = raw(obj, key);
  if (value === undefined || value === null || value === "") return false;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** True when `obj[key]` is unknown at preview. */
export function isUnknownAt(obj: unknown, key: string): boolean {
  return raw(obj, key) === UNKNOWN_SENTINEL;
}

/** `obj[key]` if it is a known string, else undefined; never throws. */
export function peekString(obj: unknown, key: string): string | undefined {
  const value = raw(obj, key);
  return typeof value === "string" && value !== UNKNOWN_SENTINEL ? value : undefined;
}

/** The known string elements of the array `obj[key]` (unknown elements skipped); never throws. */
export function knownStrings(obj: unknown, key: string): string[] {
  const value = raw(obj, key);
  if (!Array.isArray(value)) return typeof value === "string" && value !== UNKNOWN_SENTINEL ? [value] : [];
  return value.filter((v): v is string => typeof v === "string" && v !== UNKNOWN_SENTINEL);
}

/** `value` as an array; `[]` for undefined/null; a single value as a one-element array. */
export function arrayOf<T = Props>(value: unknown): T[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? (value as T[]) : [value as T];
}

/** The resource's `data-classification` tag, lower-cased, or undefined. */
export function classificationOf(props: Props): string | undefined {
  const tags = props.tags as Record<string, unknown> | undefined;
  if (!tags || typeof tags !== "object") return undefined;
  const value = tags[CLASSIFICATION_TAG];
  return typeof value === "string" ? value.trim().toLowerCase() : undefined;
}

/** Tagged `data-classification: phi`. */
export function isPhi(props: Props): boolean {
  return classificationOf(props) === PHI;
}

/**
 * Whether the resource may hold PHI: tagged `phi`, or not classified at all (an unclassified store
 * is treated as PHI, so a missing tag never weakens a check).
 */
export function mayHoldPhi(props: Props): boolean {
  const classification = classificationOf(props);
  return classification === undefined || classification === PHI;
}

/** An AWS managed key (`alias/aws/<service>`), which a customer cannot scope or audit by key policy. */
export function isAwsManagedKeyRef(value: string): boolean {
  return /(^|:)alias\/aws\//.test(value);
}

/**
 * Why `obj[key]` does not name a customer managed KMS key, or undefined when it does (set from a key
 * resource's output, or a literal key/alias ARN that is not `alias/aws/...`).
 */
export function customerKeyProblem(obj: unknown, key: string): string | undefined {
  if (!hasValue(obj, key)) return `no ${key} is set`;
  const literal = peekString(obj, key);
  if (literal !== undefined && isAwsManagedKeyRef(literal)) {
    return `${key} is the AWS managed key '${literal}', not a customer managed key`;
  }
  return undefined;
}

/** `"a", "b" and "c"`. */
export function listing(items: readonly (string | number)[]): string {
  const quoted = items.map((i) => (typeof i === "number" ? String(i) : `'${i}'`));
  if (quoted.length <= 1) return quoted.join("");
  return `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
}

/** Truthy for `true` and the strings `"true"` (launch templates take booleans as strings). */
export function isTrue(value: unknown): boolean {
  return value === true || value === "true";
}
