/**
 * Pure checks shared by `SecureCluster`, `WorkloadBaseline` and `SecureWorkload`: Kubernetes names,
 * image references, resource quantities, CIDRs, RBAC rules. Each throws an `InvalidArgumentError`
 * that says what was given, what is expected and how to fix it.
 */
import { createHash } from "node:crypto";
import ipaddr from "ipaddr.js";
import { SHA256_DIGEST, allowedRegistryOf, isFixedTag, parseImage } from "../../policies/hipaa/rules/kubernetes/image-reference";
import { InvalidArgumentError } from "../network/regions";

export { InvalidArgumentError };
/** Image references are read as the pack's `k8s-image-pinned-by-digest` rule reads them. */
export { fromRegistry, parseImage } from "../../policies/hipaa/rules/kubernetes/image-reference";

/** Namespaces that phiguard never creates nor deploys workloads into. */
export const RESERVED_NAMESPACES: readonly string[] = Object.freeze(["default", "kube-system", "kube-public", "kube-node-lease"]);

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Checks a Kubernetes object name that must be a DNS-1123 label (namespaces, services, ...). */
export function checkDnsLabel(where: string, field: string, value: string, max = 63): void {
  if (typeof value !== "string" || value.length === 0 || value.length > max || !DNS_LABEL.test(value)) {
    throw new InvalidArgumentError(
      `${where}: ${field} "${String(value)}" is not a valid Kubernetes name; expected at most ${max} lower-case letters, digits and "-", starting and ending with a letter or digit (e.g. "ehr-api").`,
    );
  }
}

/** Checks a namespace name: a DNS label that is not one of the cluster's own namespaces. */
export function checkWorkloadNamespace(where: string, field: string, namespace: string): void {
  checkDnsLabel(where, field, namespace);
  if (RESERVED_NAMESPACES.includes(namespace)) {
    throw new InvalidArgumentError(
      `${where}: ${field} is "${namespace}", a namespace Kubernetes itself uses; expected a dedicated namespace for the workload (created by WorkloadBaseline), not ${RESERVED_NAMESPACES.join(", ")}.`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Images

/**
 * Checks that an image is pinned by digest (`repo@sha256:<64 hex>`), or comes with a fixed,
 * non-`latest` tag from one of `allowedRegistries` (registries with immutable tags).
 */
export function checkImage(where: string, image: string, allowedRegistries: readonly string[]): void {
  if (image.trim() === "") {
    throw new InvalidArgumentError(`${where}: image is empty; expected an image pinned by digest, e.g. "123456789012.dkr.ecr.us-east-1.amazonaws.com/ehr@sha256:<64 hex digits>".`);
  }
  const ref = parseImage(image);
  if (ref.digest !== undefined) {
    if (SHA256_DIGEST.test(ref.digest)) return;
    throw new InvalidArgumentError(`${where}: image "${image}" has digest "${ref.digest}"; expected "sha256:" followed by 64 lower-case hex digits.`);
  }
  const registry = allowedRegistryOf(ref.name, allowedRegistries);
  if (registry !== undefined) {
    if (!isFixedTag(ref.tag)) {
      throw new InvalidArgumentError(
        `${where}: image "${image}" is from allowed registry "${registry}" but has ${ref.tag === "latest" ? "the tag \"latest\"" : "no tag"}; expected a fixed version tag (e.g. ":1.4.2") or a digest (@sha256:...).`,
      );
    }
    return;
  }
  const allowed = allowedRegistries.length > 0 ? `, or a fixed tag from an allowed registry (${allowedRegistries.join(", ")})` : " (no allowedRegistries are given, so a tag is not enough)";
  throw new InvalidArgumentError(
    `${where}: image "${image}" is neither pinned by digest nor from an allowed registry; expected "<repository>@sha256:<digest>"${allowed}.`,
  );
}

// ---------------------------------------------------------------------------------------------
// Quantities

const CPU = /^([0-9]+m|[0-9]+(\.[0-9]+)?)$/;
const MEMORY = /^[0-9]+(\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/;

/** Checks a CPU quantity such as `250m` or `1`. */
export function checkCpu(where: string, field: string, value: unknown): string {
  if (typeof value !== "string" || !CPU.test(value) || /^0+(m|(\.0+)?)?$/.test(value)) {
    throw new InvalidArgumentError(`${where}: ${field} is ${describe(value)}; expected a positive CPU quantity such as "250m" or "1".`);
  }
  return value;
}

/** Checks a memory quantity such as `256Mi` or `1Gi`. */
export function checkMemory(where: string, field: string, value: unknown): string {
  if (typeof value !== "string" || !MEMORY.test(value) || /^0+(\.0+)?[A-Za-z]*$/.test(value)) {
    throw new InvalidArgumentError(`${where}: ${field} is ${describe(value)}; expected a positive memory quantity such as "256Mi" or "1Gi".`);
  }
  return value;
}

/** A quantity as a number of base units (cores, bytes), to compare requests with limits. */
export function quantityValue(value: string): number {
  const m = /^([0-9]+(?:\.[0-9]+)?)([a-zA-Z]*)$/.exec(value);
  if (!m) return Number.NaN;
  const n = Number(m[1]);
  const units: Record<string, number> = {
    "": 1, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
    Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
  };
  const unit = units[m[2] ?? ""];
  return unit === undefined ? Number.NaN : n * unit;
}

export function describe(value: unknown): string {
  return value === undefined ? "not set" : JSON.stringify(value);
}

// ---------------------------------------------------------------------------------------------
// CIDRs

/** Checks an IPv4/IPv6 CIDR; `allowOpen` false rejects a /0 (every address). */
export function checkCidr(where: string, field: string, cidr: string, allowOpen: boolean): void {
  if (typeof cidr !== "string" || !ipaddr.isValidCIDR(cidr)) {
    throw new InvalidArgumentError(`${where}: ${field} entry "${String(cidr)}" is not a CIDR; expected e.g. "203.0.113.0/24".`);
  }
  const [, prefix] = ipaddr.parseCIDR(cidr);
  if (!allowOpen && prefix === 0) {
    throw new InvalidArgumentError(
      `${where}: ${field} entry "${cidr}" admits every address on the internet; expected specific ranges (office, VPN or CI egress CIDRs such as "203.0.113.0/24").`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// RBAC

/** The RBAC verbs a phiguard Role may grant (bind, escalate and impersonate are never granted). */
export const RBAC_VERBS = ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection"] as const;
export type RbacVerb = (typeof RBAC_VERBS)[number];

const READ_VERBS: readonly string[] = ["get", "list", "watch"];

/** One rule of a namespaced Role: exact API groups, resources and verbs, no wildcards. */
export interface RbacRuleInput {
  /** API groups, `""` for the core group (pods, services, configmaps, ...). */
  readonly apiGroups: readonly string[];
  /** Resources (and subresources such as `pods/log`). */
  readonly resources: readonly string[];
  readonly verbs: readonly RbacVerb[];
  /**
   * Object names the rule is limited to. Required for read access to `secrets`.
   * @default none: every object of the listed resources
   */
  readonly resourceNames?: readonly string[];
}

/** Checks RBAC rules: no `*` anywhere, no escalating verbs, no unrestricted read of Secrets. */
export function checkRbacRules(where: string, rules: readonly RbacRuleInput[]): void {
  if (!Array.isArray(rules) || rules.length === 0) {
    throw new InvalidArgumentError(`${where}: rules is empty; expected at least one rule with apiGroups, resources and verbs.`);
  }
  rules.forEach((rule, i) => {
    const at = `${where}: rules[${i}]`;
    for (const field of ["apiGroups", "resources", "verbs"] as const) {
      const values = rule[field] as readonly string[] | undefined;
      if (!Array.isArray(values) || values.length === 0) {
        throw new InvalidArgumentError(`${at}.${field} is ${describe(values)}; expected a non-empty list of exact ${field}.`);
      }
      const wild = values.find((v: unknown) => typeof v !== "string" || v.includes("*"));
      if (wild !== undefined) {
        throw new InvalidArgumentError(
          `${at}.${field} contains ${JSON.stringify(wild)}; wildcards are rejected (they grant every present and future ${field === "verbs" ? "verb" : field === "resources" ? "resource" : "API group"}); expected an exact list, e.g. ${field === "verbs" ? '["get", "list", "watch"]' : field === "resources" ? '["configmaps"]' : '["", "apps"]'}.`,
        );
      }
    }
    for (const verb of rule.verbs) {
      if (!(RBAC_VERBS as readonly string[]).includes(verb)) {
        throw new InvalidArgumentError(
          `${at}.verbs contains "${String(verb)}"; expected only ${RBAC_VERBS.join(", ")} (bind, escalate and impersonate let a subject gain rights it was never given).`,
        );
      }
    }
    for (const name of rule.resourceNames ?? []) {
      if (typeof name !== "string" || name === "" || name.includes("*")) {
        throw new InvalidArgumentError(`${at}.resourceNames contains ${describe(name)}; expected exact object names.`);
      }
    }
    const readsSecrets =
      rule.apiGroups.includes("") && rule.resources.includes("secrets") && rule.verbs.some((v: string) => READ_VERBS.includes(v));
    if (readsSecrets && (rule.resourceNames ?? []).length === 0) {
      throw new InvalidArgumentError(
        `${at} grants ${rule.verbs.filter((v: string) => READ_VERBS.includes(v)).join(", ")} on every Secret of the namespace; expected resourceNames listing the Secrets the subject needs (or mount the Secret into the pod instead).`,
      );
    }
  });
}

/**
 * A physical name of at most `max` characters: `base` itself when short enough, else `base` cut and
 * an 8-character hash of the full name appended, so two long names stay distinct.
 */
export function shortName(base: string, max: number): string {
  if (base.length <= max) return base;
  const hash = createHash("sha256").update(base).digest("hex").slice(0, 8);
  return `${base.slice(0, max - hash.length - 1).replace(/[-_.]+$/, "")}-${hash}`;
}
