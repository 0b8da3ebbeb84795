/**
 * The pod-spec rules over one planned program: a compliant workload of every kind (`ok-*`),
 * workloads that break a rule (`bad-*`) and workloads whose relevant value is only known after
 * deploy (`unk-*`; `unk-containers` has its whole container list computed).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Plan } from "../../../../../cli/plan";
import type { PhiguardPolicy } from "../../../../engine/rule";
import defaultServiceAccount from "../k8s-default-service-account-not-used";
import dropAllCapabilities from "../k8s-drop-all-capabilities";
import imagePinned from "../k8s-image-pinned-by-digest";
import probes from "../k8s-liveness-and-readiness-probes";
import noHostNamespaces from "../k8s-no-host-namespaces";
import noHostPath from "../k8s-no-host-path-volumes";
import noHostPorts from "../k8s-no-host-ports";
import noPrivilegeEscalation from "../k8s-no-privilege-escalation";
import noPrivileged from "../k8s-no-privileged-containers";
import noTokenAutomount from "../k8s-no-service-account-token-automount";
import readOnlyRoot from "../k8s-read-only-root-filesystem";
import resources from "../k8s-resource-requests-and-limits";
import runAsNonRoot from "../k8s-run-as-non-root";
import seccomp from "../k8s-seccomp-runtime-default";
import secretsAsFiles from "../k8s-secrets-as-files-not-env-vars";
import notInDefaultNamespace from "../k8s-workload-not-in-default-namespace";
import { planTestProgram, verdicts, type Verdicts } from "./helpers";
import { POD_SPEC_PROGRAM } from "./pod-spec-program";

interface Expected {
  readonly rule: PhiguardPolicy;
  readonly violations: string[];
  readonly unverifiable: string[];
}

/** Rules that read the container list can say nothing about `unk-containers`. */
const EXPECTED: Expected[] = [
  {
    rule: noPrivileged,
    violations: ["bad-host-process", "bad-patch-privileged", "bad-privileged", "bad-privileged-init"],
    unverifiable: ["unk-containers", "unk-privileged"],
  },
  { rule: noHostNamespaces, violations: ["bad-host-network", "bad-host-pid-ipc"], unverifiable: ["unk-host-network"] },
  { rule: noHostPath, violations: ["bad-host-path"], unverifiable: ["unk-volumes"] },
  { rule: noHostPorts, violations: ["bad-host-port"], unverifiable: ["unk-containers", "unk-host-port"] },
  {
    rule: noPrivilegeEscalation,
    violations: ["bad-escalation-ephemeral", "bad-escalation-unset"],
    unverifiable: ["unk-containers", "unk-escalation"],
  },
  {
    rule: runAsNonRoot,
    violations: ["bad-root-pod-false", "bad-root-uid", "bad-root-unset"],
    unverifiable: ["unk-containers", "unk-non-root"],
  },
  {
    rule: dropAllCapabilities,
    violations: ["bad-caps-added", "bad-caps-not-dropped"],
    unverifiable: ["unk-caps", "unk-containers"],
  },
  {
    rule: seccomp,
    violations: ["bad-seccomp-unconfined", "bad-seccomp-unset"],
    unverifiable: ["unk-containers", "unk-seccomp"],
  },
  { rule: readOnlyRoot, violations: ["bad-writable-root"], unverifiable: ["unk-containers", "unk-read-only"] },
  {
    rule: resources,
    violations: ["bad-init-no-resources", "bad-no-cpu-limit"],
    unverifiable: ["unk-containers", "unk-resources"],
  },
  {
    rule: imagePinned,
    violations: ["bad-ecr-latest", "bad-ecr-tag", "bad-latest"],
    unverifiable: ["unk-containers", "unk-image"],
  },
  { rule: noTokenAutomount, violations: ["bad-automount-unset", "bad-token-default-sa"], unverifiable: ["unk-automount"] },
  { rule: defaultServiceAccount, violations: ["bad-sa-unset", "bad-token-default-sa"], unverifiable: ["unk-service-account"] },
  { rule: notInDefaultNamespace, violations: ["bad-default-namespace", "bad-no-namespace"], unverifiable: ["unk-namespace"] },
  { rule: probes, violations: ["bad-no-probes"], unverifiable: ["unk-containers"] },
  { rule: secretsAsFiles, violations: ["bad-secret-env", "bad-secret-envfrom"], unverifiable: ["unk-containers", "unk-secret-env"] },
];

const RULES = EXPECTED.map((e) => e.rule);
let plan: Plan;
let v: Verdicts;

beforeAll(async () => {
  plan = await planTestProgram(POD_SPEC_PROGRAM);
  v = await verdicts(plan, RULES);
}, 60_000);

const okResources = () => plan.resources.filter((r) => r.name.startsWith("ok-"));

describe.each(EXPECTED)("$rule.name", ({ rule, violations, unverifiable }) => {
  it("passes the compliant workloads of every kind it applies to", () => {
    const applicable = okResources().filter((r) => rule.resourceTypes?.includes(r.type));
    expect(applicable.length).toBeGreaterThan(0);
    for (const r of applicable) {
      expect(v.findings(rule.name, r.name), r.name).toEqual([]);
      v.expectEvaluated(rule.name, r.name);
    }
  });

  it("flags exactly the workloads that break it", () => {
    expect(v.violations(rule.name)).toEqual(violations);
    for (const f of v.result.findings.filter((x) => x.ruleId === rule.name && x.kind === "violation")) {
      expect(f.level).toBe(rule.enforcementLevel === "advisory" ? "advisory" : "mandatory");
      expect(f.hipaa).toEqual(rule.hipaa);
    }
  });

  it("reports values unknown at preview as unverifiable, never as a pass", () => {
    expect(v.unverifiable(rule.name)).toEqual(unverifiable);
    for (const name of unverifiable) {
      for (const f of v.findings(rule.name, name)) {
        expect(f.kind).toBe("unverifiable");
        expect(f.level).toBe("advisory");
        expect(f.message).toMatch(/cannot be verified before deploy/);
      }
    }
  });
});

describe("pod spec extraction", () => {
  it("finds the pod spec of a CronJob and names the container by its path", () => {
    expect(v.messages(noPrivileged.name, "bad-privileged")).toEqual([
      expect.stringContaining('container "app" (spec.jobTemplate.spec.template.spec.containers[0]) sets securityContext.privileged: true.'),
    ]);
  });

  it("checks init and ephemeral containers", () => {
    expect(v.messages(noPrivileged.name, "bad-privileged-init")).toEqual([
      expect.stringContaining('init container "init" (spec.template.spec.initContainers[0])'),
    ]);
    expect(v.messages(noPrivilegeEscalation.name, "bad-escalation-ephemeral")).toEqual([
      expect.stringContaining('ephemeral container "debug" (spec.ephemeralContainers[0]) sets securityContext.allowPrivilegeEscalation: true.'),
    ]);
  });

  it("applies forbid-rules to server-side-apply patches, and require-rules not", () => {
    expect(v.findings(noPrivileged.name, "bad-patch-privileged")).toHaveLength(1);
    expect(v.findings(readOnlyRoot.name, "bad-patch-privileged")).toEqual([]);
    expect(v.findings(runAsNonRoot.name, "bad-patch-privileged")).toEqual([]);
  });

  it("reads only what a rule needs: an unknown image leaves the other rules a verdict", () => {
    const others = RULES.filter((r) => r !== imagePinned);
    for (const rule of others) expect(v.findings(rule.name, "unk-image"), rule.name).toEqual([]);
  });
});

describe("messages", () => {
  it("say what is wrong", () => {
    const hostMessages = v.messages(noHostNamespaces.name, "bad-host-pid-ipc");
    expect(hostMessages).toHaveLength(2);
    expect(hostMessages).toEqual(
      expect.arrayContaining([
        expect.stringContaining("spec.hostPID is true"),
        expect.stringContaining("spec.hostIPC is true"),
      ]),
    );
    expect(v.messages(dropAllCapabilities.name, "bad-caps-added")).toEqual([
      expect.stringContaining("adds capabilities SYS_ADMIN; only NET_BIND_SERVICE may be added"),
    ]);
    expect(v.messages(resources.name, "bad-init-no-resources")[0]).toContain(
      "does not set resources requests.cpu, requests.memory, limits.memory, limits.cpu",
    );
    expect(v.messages(imagePinned.name, "bad-latest")[0]).toContain('image "nginx:latest" is not pinned by digest');
    expect(v.messages(notInDefaultNamespace.name, "bad-no-namespace")[0]).toContain('lands in "default"');
    expect(v.messages(secretsAsFiles.name, "bad-secret-env")[0]).toContain('DB_PASSWORD from Secret "db"');
  });
});

describe("rule config", () => {
  it("k8s-image-pinned-by-digest accepts fixed tags from allowedRegistries, never latest", async () => {
    const configured = await verdicts(plan, [imagePinned], {
      policyConfig: { [imagePinned.name]: { allowedRegistries: ["*.dkr.ecr.*.amazonaws.com"] } },
    });
    expect(configured.violations(imagePinned.name)).toEqual(["bad-ecr-latest", "bad-latest"]);
    expect(configured.messages(imagePinned.name, "bad-latest")[0]).toContain("not from an allowed registry");
  });

  it("k8s-resource-requests-and-limits can leave CPU limits out", async () => {
    const configured = await verdicts(plan, [resources], {
      policyConfig: { [resources.name]: { requireCpuLimit: false } },
    });
    expect(configured.violations(resources.name)).toEqual(["bad-init-no-resources"]);
  });
});
