/**
 * S3 lifecycle tiers of a `PhiBucket`, as pure functions: presets, validation against S3's own
 * rules, and the `aws.s3.BucketLifecycleConfiguration` rules they become.
 */
import { InvalidArgumentError } from "./common";

/** Storage classes an object can move to, in S3's waterfall order (a transition only moves down). */
export const TRANSITION_STORAGE_CLASSES = [
  "STANDARD_IA",
  "INTELLIGENT_TIERING",
  "ONEZONE_IA",
  "GLACIER_IR",
  "GLACIER",
  "DEEP_ARCHIVE",
] as const;
export type TransitionStorageClass = (typeof TRANSITION_STORAGE_CLASSES)[number];

/** Classes S3 only accepts after 30 days. */
const MIN_30_DAYS: ReadonlySet<string> = new Set(["STANDARD_IA", "ONEZONE_IA"]);

export interface LifecycleTransition {
  /** Days after creation (current versions) or after becoming noncurrent (noncurrent versions). */
  readonly afterDays: number;
  readonly storageClass: TransitionStorageClass;
}

export interface BucketLifecycleArgs {
  /**
   * Only objects under this key prefix follow the tiers.
   * @default "" (every object)
   */
  readonly prefix?: string;
  /**
   * Tiers of current object versions, in increasing `afterDays`.
   * @default none: current versions stay in S3 Standard
   */
  readonly transitions?: readonly LifecycleTransition[];
  /**
   * Tiers of noncurrent (overwritten or deleted) versions, in increasing `afterDays`.
   * @default none: noncurrent versions stay in S3 Standard
   */
  readonly noncurrentTransitions?: readonly LifecycleTransition[];
  /**
   * Days after creation when current versions expire (become noncurrent; Object Lock still
   * protects every version until its retention ends).
   * @default never: PHI is only removed by a deliberate deletion
   */
  readonly expirationDays?: number;
  /**
   * Days after becoming noncurrent when noncurrent versions are deleted (never before their Object
   * Lock retention ends).
   * @default never: every version is kept
   */
  readonly noncurrentExpirationDays?: number;
  /**
   * Days after which incomplete multipart uploads are aborted (their parts hold data but are
   * invisible to listings and retention).
   * @default 7 days
   */
  readonly abortIncompleteMultipartUploadDays?: number;
}

/** Named tier sets. */
export const LIFECYCLE_PRESETS = Object.freeze({
  /** Current versions to Standard-IA after 90 days; noncurrent versions to Glacier Instant Retrieval after 30. */
  standard: {
    transitions: [{ afterDays: 90, storageClass: "STANDARD_IA" }],
    noncurrentTransitions: [{ afterDays: 30, storageClass: "GLACIER_IR" }],
  },
  /**
   * Medical imaging (large, rarely re-read): Glacier Instant Retrieval after 30 days, Deep Archive
   * after 365; noncurrent versions to Deep Archive after 30.
   */
  imaging: {
    transitions: [
      { afterDays: 30, storageClass: "GLACIER_IR" },
      { afterDays: 365, storageClass: "DEEP_ARCHIVE" },
    ],
    noncurrentTransitions: [{ afterDays: 30, storageClass: "DEEP_ARCHIVE" }],
  },
  /** No tiers (incomplete multipart uploads are still aborted). */
  none: { transitions: [], noncurrentTransitions: [] },
} satisfies Record<string, BucketLifecycleArgs>);

export type LifecyclePresetName = keyof typeof LIFECYCLE_PRESETS;

/** A `BucketLifecycleConfiguration` rule, as plain data. */
export interface LifecycleRule {
  readonly id: string;
  readonly status: "Enabled";
  readonly filter: { readonly prefix: string };
  readonly abortIncompleteMultipartUpload: { readonly daysAfterInitiation: number };
  readonly transitions?: readonly { readonly days: number; readonly storageClass: string }[];
  readonly noncurrentVersionTransitions?: readonly { readonly noncurrentDays: number; readonly storageClass: string }[];
  readonly expiration?: { readonly days: number };
  readonly noncurrentVersionExpiration?: { readonly noncurrentDays: number };
}

/** Resolves a preset name or tier set into checked lifecycle rules. Throws with what was wrong. */
export function lifecycleRules(where: string, lifecycle: LifecyclePresetName | BucketLifecycleArgs): LifecycleRule[] {
  let spec: BucketLifecycleArgs;
  if (typeof lifecycle === "string") {
    if (!Object.prototype.hasOwnProperty.call(LIFECYCLE_PRESETS, lifecycle)) {
      throw new InvalidArgumentError(
        `${where}: lifecycle "${lifecycle}" is not a preset; expected one of ${Object.keys(LIFECYCLE_PRESETS).join(", ")}, or an object with transitions.`,
      );
    }
    spec = LIFECYCLE_PRESETS[lifecycle];
  } else {
    spec = lifecycle;
  }
  const transitions = checkTiers(`${where}: lifecycle.transitions`, spec.transitions ?? [], 0);
  const noncurrent = checkTiers(`${where}: lifecycle.noncurrentTransitions`, spec.noncurrentTransitions ?? [], 1);
  const abortDays = spec.abortIncompleteMultipartUploadDays ?? 7;
  checkDays(`${where}: lifecycle.abortIncompleteMultipartUploadDays`, abortDays, 1);
  if (spec.expirationDays !== undefined) {
    checkDays(`${where}: lifecycle.expirationDays`, spec.expirationDays, 1);
    const last = transitions[transitions.length - 1];
    if (last !== undefined && spec.expirationDays <= last.afterDays) {
      throw new InvalidArgumentError(
        `${where}: lifecycle.expirationDays ${spec.expirationDays} is not after the last transition (${last.storageClass} at ${last.afterDays} days); expected more than ${last.afterDays}.`,
      );
    }
  }
  if (spec.noncurrentExpirationDays !== undefined) {
    checkDays(`${where}: lifecycle.noncurrentExpirationDays`, spec.noncurrentExpirationDays, 1);
    const last = noncurrent[noncurrent.length - 1];
    if (last !== undefined && spec.noncurrentExpirationDays <= last.afterDays) {
      throw new InvalidArgumentError(
        `${where}: lifecycle.noncurrentExpirationDays ${spec.noncurrentExpirationDays} is not after the last noncurrent transition (${last.storageClass} at ${last.afterDays} days); expected more than ${last.afterDays}.`,
      );
    }
  }
  const prefix = spec.prefix ?? "";
  return [
    {
      id: "phi-tiers",
      status: "Enabled",
      filter: { prefix },
      abortIncompleteMultipartUpload: { daysAfterInitiation: abortDays },
      ...(transitions.length > 0 ? { transitions: transitions.map((t) => ({ days: t.afterDays, storageClass: t.storageClass })) } : {}),
      ...(noncurrent.length > 0
        ? { noncurrentVersionTransitions: noncurrent.map((t) => ({ noncurrentDays: t.afterDays, storageClass: t.storageClass })) }
        : {}),
      ...(spec.expirationDays !== undefined ? { expiration: { days: spec.expirationDays } } : {}),
      ...(spec.noncurrentExpirationDays !== undefined ? { noncurrentVersionExpiration: { noncurrentDays: spec.noncurrentExpirationDays } } : {}),
    },
  ];
}

function checkTiers(where: string, tiers: readonly LifecycleTransition[], minDays: number): LifecycleTransition[] {
  let previous: LifecycleTransition | undefined;
  for (const tier of tiers) {
    if (!(TRANSITION_STORAGE_CLASSES as readonly string[]).includes(tier.storageClass)) {
      throw new InvalidArgumentError(`${where}: storage class "${tier.storageClass}" is not a transition target; expected one of ${TRANSITION_STORAGE_CLASSES.join(", ")}.`);
    }
    const min = MIN_30_DAYS.has(tier.storageClass) ? 30 : minDays;
    checkDays(`${where}: ${tier.storageClass}.afterDays`, tier.afterDays, min, MIN_30_DAYS.has(tier.storageClass) ? `S3 moves objects to ${tier.storageClass} only after 30 days` : "");
    if (previous !== undefined) {
      if (tier.afterDays <= previous.afterDays) {
        throw new InvalidArgumentError(
          `${where}: ${tier.storageClass} at ${tier.afterDays} days is not after ${previous.storageClass} at ${previous.afterDays} days; expected tiers in increasing afterDays.`,
        );
      }
      if (rank(tier.storageClass) <= rank(previous.storageClass)) {
        throw new InvalidArgumentError(
          `${where}: ${previous.storageClass} then ${tier.storageClass} moves up S3's tier waterfall; expected each tier colder than the one before (order: ${TRANSITION_STORAGE_CLASSES.join(" → ")}).`,
        );
      }
    }
    previous = tier;
  }
  return [...tiers];
}

function rank(storageClass: string): number {
  return (TRANSITION_STORAGE_CLASSES as readonly string[]).indexOf(storageClass);
}

function checkDays(where: string, days: number, min: number, why = ""): void {
  if (!Number.isInteger(days) || days < min || days > 36500) {
    throw new InvalidArgumentError(`${where} is ${String(days)}; expected a whole number of days from ${min} to 36500${why ? ` (${why})` : ""}.`);
  }
}
