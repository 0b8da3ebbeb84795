/**
 * The Plan: the one data structure every phiguard stage exchanges.
 *
 * Producers: the offline planner (a Pulumi program run under the SDK's mock runtime), the
 * `pulumi preview --json` loader and the `pulumi stack export` loader. Consumers: the policy
 * engines (TypeScript rules, Rego/wasm), reporters and `phiguard plan` (which writes it as JSON).
 *
 * A Plan is plain, serialisable JSON. It never holds a secret's value: a secret is replaced by a
 * marker at capture time, so writing a plan to disk or printing it can never leak one.
 *
 * Values a provider would only know after creation (ids, ARNs, ...) are `unknown`, exactly as in
 * `pulumi preview`; a rule that needs one is reported as "cannot verify before deploy".
 */

/** Bumped on any incompatible change to the shapes below. */
export const PLAN_SCHEMA_VERSION = 1 as const;

/** The key that marks phiguard's special values inside `props`. */
export const MARKER_KEY = "@phiguard" as const;

/** A value not known until deploy (an output of another resource, during preview). */
export interface UnknownValue {
  readonly [MARKER_KEY]: "unknown";
}

/** A secret. Its plaintext never enters a Plan. */
export interface SecretValue {
  readonly [MARKER_KEY]: "secret";
}

/** A Pulumi asset (file, inline text or URI). */
export interface AssetValue {
  readonly [MARKER_KEY]: "asset";
  readonly path?: string;
  readonly text?: string;
  readonly uri?: string;
}

/** A Pulumi archive (file, URI, or a map of assets/archives). */
export interface ArchiveValue {
  readonly [MARKER_KEY]: "archive";
  readonly path?: string;
  readonly uri?: string;
  readonly assets?: { readonly [name: string]: AssetValue | ArchiveValue };
}

export type PlanValue =
  | null
  | boolean
  | number
  | string
  | readonly PlanValue[]
  | UnknownValue
  | SecretValue
  | AssetValue
  | ArchiveValue
  | PlanObject;

export interface PlanObject {
  readonly [key: string]: PlanValue;
}

export type Props = PlanObject;

/** Resource options that policies and reports care about (the subset Pulumi's analyzer sees). */
export interface ResourceOptions {
  readonly protect: boolean;
  readonly ignoreChanges: readonly string[];
  readonly deleteBeforeReplace?: boolean;
  readonly aliases: readonly string[];
  readonly additionalSecretOutputs: readonly string[];
  readonly customTimeouts?: { readonly create?: string; readonly update?: string; readonly delete?: string };
  readonly retainOnDelete?: boolean;
  readonly deletedWith?: string;
  readonly replaceOnChanges?: readonly string[];
}

export interface PlannedResource {
  readonly urn: string;
  /** Pulumi type token, e.g. `aws:s3/bucket:Bucket`, or a component type such as `phiguard:storage:PhiBucket`. */
  readonly type: string;
  readonly name: string;
  /** true for provider-backed (custom) resources, false for components. */
  readonly custom: boolean;
  /** true for multi-language components whose children live in a provider plugin (invisible offline). */
  readonly remote?: boolean;
  /** URN of the parent resource; absent only for the root stack resource. */
  readonly parent?: string;
  /** URN of the explicit provider resource, when one was given (`provider:` / `providers:`). */
  readonly provider?: string;
  /** URNs of every resource this one depends on (explicit `dependsOn` and inputs' sources). */
  readonly dependencies: readonly string[];
  /** For each input property, the URNs of the resources its value came from. */
  readonly propertyDependencies: { readonly [property: string]: readonly string[] };
  /** Inputs as the provider would receive them in a preview. */
  readonly props: Props;
  readonly options: ResourceOptions;
  /** The AWS region the resource lands in (its own `region`, its provider's, or the stack's). */
  readonly region?: string;
  /** Where the program declared it (`file:line:column`), when the producer can know. */
  readonly source?: { readonly file: string; readonly line: number; readonly column: number };
}

export type PlanSource = "program" | "preview" | "state";

export interface Plan {
  readonly schemaVersion: typeof PLAN_SCHEMA_VERSION;
  /** What produced the plan: the offline planner, a `pulumi preview --json`, or a `pulumi stack export`. */
  readonly source: PlanSource;
  readonly project: string;
  readonly stack: string;
  /** Stack config as the program saw it; secret values are markers. */
  readonly config: { readonly [key: string]: PlanValue };
  /** Stack tags (what `StackValidationArgs.stackTags` exposes). */
  readonly stackTags: { readonly [key: string]: string };
  /** In registration order, which is also a valid dependency order. */
  readonly resources: readonly PlannedResource[];
  /** Anything the producer noticed but is not a resource (e.g. program warnings). */
  readonly diagnostics: readonly PlanDiagnostic[];
}

export interface PlanDiagnostic {
  readonly severity: "info" | "warning";
  readonly message: string;
  readonly urn?: string;
}

export const UNKNOWN: UnknownValue = Object.freeze({ [MARKER_KEY]: "unknown" as const });
export const SECRET: SecretValue = Object.freeze({ [MARKER_KEY]: "secret" as const });

function markerOf(value: unknown): string | undefined {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
  const marker = (value as Record<string, unknown>)[MARKER_KEY];
  return typeof marker === "string" ? marker : undefined;
}

export function isUnknown(value: unknown): value is UnknownValue {
  return markerOf(value) === "unknown";
}

export function isSecret(value: unknown): value is SecretValue {
  return markerOf(value) === "secret";
}

export function isAsset(value: unknown): value is AssetValue {
  return markerOf(value) === "asset";
}

export function isArchive(value: unknown): value is ArchiveValue {
  return markerOf(value) === "archive";
}

/** True when the value, or anything inside it, is unknown. */
export function containsUnknown(value: PlanValue | undefined): boolean {
  if (value === null || value === undefined || typeof value !== "object") return false;
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  return Object.values(value as PlanObject).some(containsUnknown);
}

export const DEFAULT_OPTIONS: ResourceOptions = Object.freeze({
  protect: false,
  ignoreChanges: [],
  aliases: [],
  additionalSecretOutputs: [],
});
