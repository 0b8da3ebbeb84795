/**
 * Where each workload kind keeps its pod spec, and the containers in it: the one place the pod-spec
 * rules learn about Pods, Deployments, StatefulSets, DaemonSets, ReplicaSets, ReplicationControllers,
 * PodTemplates, Jobs and CronJobs (every API version `@pulumi/kubernetes` has, and their
 * server-side-apply `...Patch` twins), so each rule only says what it checks.
 *
 * Props are read lazily and only as far as a rule asks, so a rule that checks `hostPID` does not
 * become unverifiable because a container image is an output of another resource.
 */
import type { EnforcementLevel, ReportViolation, ResourceValidationArgs } from "@pulumi/policy";
import type { PhiguardResourcePolicy, RuleControls } from "../../../engine/rule";
import { asArray, asObject, textOf, type Json } from "./support";

/** Where the pod spec sits inside a kind's props. */
const POD_SPEC_PATHS = {
  Pod: ["spec"],
  PodTemplate: ["template", "spec"],
  ReplicationController: ["spec", "template", "spec"],
  Deployment: ["spec", "template", "spec"],
  StatefulSet: ["spec", "template", "spec"],
  DaemonSet: ["spec", "template", "spec"],
  ReplicaSet: ["spec", "template", "spec"],
  Job: ["spec", "template", "spec"],
  CronJob: ["spec", "jobTemplate", "spec", "template", "spec"],
} as const;

export type WorkloadKind = keyof typeof POD_SPEC_PATHS;

/** Every API version `@pulumi/kubernetes` 4.x generates for each workload kind. */
const WORKLOAD_VERSIONS: Readonly<Record<WorkloadKind, readonly string[]>> = {
  Pod: ["core/v1"],
  PodTemplate: ["core/v1"],
  ReplicationController: ["core/v1"],
  Deployment: ["apps/v1", "apps/v1beta1", "apps/v1beta2", "extensions/v1beta1"],
  StatefulSet: ["apps/v1", "apps/v1beta1", "apps/v1beta2"],
  DaemonSet: ["apps/v1", "apps/v1beta2", "extensions/v1beta1"],
  ReplicaSet: ["apps/v1", "apps/v1beta2", "extensions/v1beta1"],
  Job: ["batch/v1"],
  CronJob: ["batch/v1", "batch/v1beta1", "batch/v2alpha1"],
};

function tokens(kinds: readonly WorkloadKind[], suffix: "" | "Patch"): string[] {
  return kinds.flatMap((kind) => WORKLOAD_VERSIONS[kind].map((v) => `kubernetes:${v}:${kind}${suffix}`));
}

const ALL_KINDS = Object.keys(POD_SPEC_PATHS) as WorkloadKind[];

/** Type tokens of every workload kind that carries a pod spec (not the `...Patch` types). */
export const WORKLOAD_TYPES: readonly string[] = tokens(ALL_KINDS, "");

/** Type tokens of long-running workloads: every kind but Job and CronJob (and their patches). */
export const LONG_RUNNING_WORKLOAD_TYPES: readonly string[] = tokens(
  ALL_KINDS.filter((k) => k !== "Job" && k !== "CronJob"),
  "",
);

/**
 * The `...Patch` twins (server-side apply of a partial object). A patch only changes the fields it
 * gives, so only rules that forbid something (privileged, host namespaces, ...) apply to them;
 * rules that require a field would flag every field a patch leaves alone.
 */
export const WORKLOAD_PATCH_TYPES: readonly string[] = tokens(ALL_KINDS, "Patch");

/** The kind in a workload type token, e.g. `Deployment` for `kubernetes:apps/v1:DeploymentPatch`. */
export function workloadKindOf(type: string): WorkloadKind | undefined {
  const kind = type.slice(type.lastIndexOf(":") + 1).replace(/Patch$/, "");
  return kind in POD_SPEC_PATHS && type.startsWith("kubernetes:") ? (kind as WorkloadKind) : undefined;
}

export interface PodSpecAt {
  /** The pod spec (behind the unknown-checking proxy, like all props). */
  readonly spec: Json;
  /** Where it is, for messages: `spec.template.spec`. */
  readonly path: string;
}

/** The pod spec of a workload's props, or undefined when the kind has none or it is not given. */
export function podSpecOf(type: string, props: Json): PodSpecAt | undefined {
  const kind = workloadKindOf(type);
  if (!kind) return undefined;
  let current: unknown = props;
  for (const key of POD_SPEC_PATHS[kind]) {
    current = asObject(current)?.[key];
    if (current === undefined) return undefined;
  }
  const spec = asObject(current);
  return spec ? { spec, path: POD_SPEC_PATHS[kind].join(".") } : undefined;
}

export type ContainerList = "containers" | "initContainers" | "ephemeralContainers";

export const ALL_CONTAINER_LISTS: readonly ContainerList[] = ["containers", "initContainers", "ephemeralContainers"];

export interface ContainerAt {
  readonly container: Json;
  readonly list: ContainerList;
  readonly index: number;
  /** `container "app" (spec.template.spec.containers[0])`. */
  readonly label: string;
}

/** The containers of the given lists, in order: containers, then initContainers, then ephemeral. */
export function containersOf(pod: PodSpecAt, lists: readonly ContainerList[] = ALL_CONTAINER_LISTS): ContainerAt[] {
  const result: ContainerAt[] = [];
  for (const list of lists) {
    asArray(pod.spec[list]).forEach((item, index) => {
      const container = asObject(item);
      if (!container) return;
      const name = textOf(() => container.name) ?? "";
      const where = `${pod.path}.${list}[${index}]`;
      const noun = list === "containers" ? "container" : list === "initContainers" ? "init container" : "ephemeral container";
      result.push({ container, list, index, label: name ? `${noun} "${name}" (${where})` : `${noun} ${where}` });
    });
  }
  return result;
}

/** `obj.a.b.c` through objects; undefined as soon as a step is not an object. */
export function pathOf(obj: unknown, ...keys: string[]): unknown {
  let current: unknown = obj;
  for (const key of keys) {
    const o = asObject(current);
    if (!o) return undefined;
    current = o[key];
  }
  return current;
}

/** What a pod-spec rule's check gets. */
export interface PodCheck {
  readonly pod: PodSpecAt;
  readonly args: ResourceValidationArgs;
  /** Reports one violation on the resource. */
  readonly report: (message: string) => void;
}

export interface PodSpecRuleOptions {
  readonly name: string;
  readonly description: string;
  readonly hipaa: readonly string[];
  readonly remediation: string;
  readonly controls: RuleControls;
  readonly enforcementLevel: EnforcementLevel;
  /** @default WORKLOAD_TYPES */
  readonly resourceTypes?: readonly string[];
  readonly configSchema?: PhiguardResourcePolicy["configSchema"];
  readonly check: (check: PodCheck) => void;
}

/** A resource rule over the pod spec of every workload kind in `resourceTypes`. */
export function podSpecRule(options: PodSpecRuleOptions): PhiguardResourcePolicy {
  const { check, resourceTypes = WORKLOAD_TYPES, ...meta } = options;
  const types = new Set(resourceTypes);
  return {
    ...meta,
    resourceTypes,
    validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
      if (!types.has(args.type)) return;
      const pod = podSpecOf(args.type, args.props);
      if (!pod) return;
      check({ pod, args, report: (message) => reportViolation(message) });
    },
  };
}
