/**
 * Parity: the TypeScript rules and the Rego pack (the committed policies/opa/dist/phiguard.wasm,
 * loaded through @open-policy-agent/opa-wasm; no OPA needed) must give identical findings (rule,
 * resource, level, kind and message) for every rule the Rego pack implements, over one corpus: the
 * rule tests' programs, the components' program, the same plans under rule configuration and
 * enforcement overrides, and fast-check mutations of them.
 *
 * PARITY_RUNS (default 25) sets the mutated plans per program; PARITY_SEED a fixed seed, or
 * "random" for a new one each run (the default seed keeps CI deterministic).
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { EnforcementLevel } from "@pulumi/policy";
import type { Plan } from "../../cli/plan";
import { evaluatePlan, type EvaluateOptions } from "../../policies/engine";
import type { PhiguardPolicy } from "../../policies/engine/rule";
import { compareEngines, describeDisagreement, evaluatePlanRego, loadRegoPack } from "../../policies/engine/rego";
import { hipaaPolicies } from "../../policies/hipaa";
import { accountPrograms, awsPrograms, componentPrograms, kubernetesPrograms, residencyPrograms, type CorpusProgram } from "./corpus";
import { JOINED_TYPES, mutatePlan, mutationArb } from "./mutate";
import { planTestProgram } from "../support/plan";

const RUNS = Number(process.env.PARITY_RUNS ?? 25);
const SEED = process.env.PARITY_SEED === "random" ? undefined : Number(process.env.PARITY_SEED ?? 20_251_122);

/** Ported rules that no corpus program makes report anything (their parity rests on the mutations). */
const SILENT_ON_CORPUS: string[] = [];

const PROGRAMS: CorpusProgram[] = [...kubernetesPrograms(), ...componentPrograms(), ...accountPrograms(), ...residencyPrograms()];


let regoRuleIds: string[] = [];
let tsRules: PhiguardPolicy[] = [];
const plans = new Map<string, Plan>();

beforeAll(async () => {
  const pack = await loadRegoPack();
  regoRuleIds = [...pack.rules.keys()].sort();
  tsRules = hipaaPolicies.filter((p) => pack.rules.has(p.name));
  for (const program of [...PROGRAMS, ...(await awsPrograms())]) {
    const plan = await planTestProgram(program.source, program.config ? { config: program.config } : {});
    plans.set(program.name, program.stackTags ? { ...plan, stackTags: program.stackTags } : plan);
  }
}, 600_000);

/** The findings only one engine reports, one line each. */
async function disagreements(plan: Plan, options: EvaluateOptions = {}): Promise<string[]> {
  const ts = await evaluatePlan(plan, tsRules, options);
  const rego = await evaluatePlanRego(plan, options);
  return compareEngines(ts.findings, rego.findings, rego.ruleIds).map(describeDisagreement);
}

describe("the Rego pack", () => {
  it("implements every rule of the pack, with the TypeScript rule's ID, level, scope and types", () => {
    // loadRegoPack/evaluatePlanRego reject a pack whose rules differ from their TypeScript twins.
    expect(regoRuleIds).toEqual(hipaaPolicies.map((p) => p.name).sort());
    expect(tsRules.map((p) => p.name).sort()).toEqual(regoRuleIds);
  });

  it.each(PROGRAMS.map((p) => p.name))("agrees with the TypeScript rules on the plan of the %s program", async (name) => {
    expect(await disagreements(plans.get(name) as Plan)).toEqual([]);
  });

  it("agrees with the TypeScript rules on the plans of the AWS rule tests' programs", async () => {
    const aws = [...plans.keys()].filter((name) => name.startsWith("aws "));
    expect(aws.length).toBeGreaterThan(5);
    for (const name of aws) expect(await disagreements(plans.get(name) as Plan), name).toEqual([]);
  });

  it("checks every ported rule on the corpus: each reports a violation somewhere", async () => {
    const reported = new Set<string>();
    for (const plan of plans.values()) for (const f of (await evaluatePlanRego(plan)).findings) reported.add(f.ruleId);
    const silent = regoRuleIds.filter((id) => !reported.has(id));
    // Rules whose test programs have no failing case are listed here, so a new silent rule is noticed.
    expect(silent).toEqual(SILENT_ON_CORPUS);
  });

  it("finds violations and unverifiable values in the corpus", async () => {
    const kinds = new Set<string>();
    for (const plan of plans.values()) for (const f of (await evaluatePlanRego(plan)).findings) kinds.add(`${f.kind}/${f.level}`);
    expect([...kinds].sort()).toEqual(["unverifiable/advisory", "violation/advisory", "violation/mandatory"]);
  });

  const CONFIGS: { name: string; options: EvaluateOptions }[] = [
    {
      name: "rule configuration",
      options: {
        policyConfig: {
          "k8s-image-pinned-by-digest": { allowedRegistries: ["*.dkr.ecr.*.amazonaws.com", "nginx/"] },
          "k8s-resource-requests-and-limits": { requireCpuLimit: false },
          "k8s-namespace-default-deny-network-policy": { requireEgress: false },
          "k8s-load-balancer-service-tls-or-internal": { requireTlsForInternal: true },
          "k8s-namespace-pod-security-restricted": { exemptNamespaces: ["legacy"] },
          "eks-supported-kubernetes-version": { supportedVersions: ["1.28", "1.29"] },
          "eks-endpoint-private-access": { allowRestrictedPublicAccess: false },
          "eks-authentication-mode-api": { allowApiAndConfigMap: true },
          "eks-cluster-log-group-encrypted-retained": { minimumRetentionDays: 400 },
          "eks-node-group-hardened-launch-template": { maximumHopLimit: 2 },
          "eks-core-addons-managed": { requiredAddons: ["vpc-cni", "aws-ebs-csi-driver"] },
          "eks-control-plane-logging-all-types": { requiredLogTypes: ["audit"] },
          "acm-certificate-renews-before-expiry": { minimumDaysToExpiry: 40000 },
          "security-group-public-ingress-only-authorized-ports": { authorizedTcpPorts: [443, 22, 8443] },
          "vpc-endpoints-for-s3-and-kms": { services: ["s3", "kms", "logs", "ecr.api"] },
          "account-root-has-guardduty": { regions: ["us-east-1", "eu-west-1", "us-east-1"] },
          "account-root-has-security-hub": { standards: ["nist-800-53", "cis-aws-foundations-benchmark"] },
          "account-root-has-config-recorder": { regions: ["us-west-2"] },
          "account-root-ebs-encryption-by-default": { regions: ["us-east-1"] },
          "phi-resources-in-allowed-regions": { allowedRegions: ["eu-west-1", "eu-central-1"], defaultRegion: "us-east-1" },
          "phi-replicas-in-allowed-regions": { allowedRegions: ["us-east-1", "us-west-2", "eu-west-1"] },
        },
      },
    },
    {
      name: "enforcement overrides",
      options: {
        enforcement: {
          all: "mandatory",
          "k8s-no-host-ports": "disabled",
          "eks-core-addons-managed": "advisory",
          "k8s-run-as-non-root": "remediate",
          "phi-resources-in-allowed-regions": "advisory",
        } as Record<string, EnforcementLevel>,
      },
    },
  ];

  it.each(CONFIGS)("agrees under $name", async ({ options }) => {
    for (const [name, plan] of plans) expect(await disagreements(plan, options), name).toEqual([]);
  });

  /**
   * A TypeScript rule that crashes on a mutated value (a TypeError inside the rule, e.g. reading a
   * property of a null array element, or `.toLowerCase()` of a boolean) makes the TypeScript engine
   * fail closed: there are no findings to compare, and the crash is that rule's bug, not a parity
   * question. Such mutated plans are skipped (fast-check's precondition).
   */
  function isTypeScriptRuleCrash(e: unknown): boolean {
    return e instanceof Error && /^rule '[^']+' \(pack [^)]+\) failed on /.test(e.message) && e.cause instanceof TypeError;
  }

  /** Mutates one of the plans (fast-check picks which), then both engines must still agree. */
  async function fuzz(names: readonly string[]): Promise<void> {
    const ruleTypes = new Set(tsRules.flatMap((p) => p.resourceTypes ?? []));
    const subjects = names.map((name) => {
      const plan = plans.get(name) as Plan;
      return { plan, candidates: plan.resources.flatMap((r, i) => (ruleTypes.has(r.type) || JOINED_TYPES.has(r.type) ? [i] : [])) };
    });
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.array(mutationArb, { minLength: 1, maxLength: 4 }), fc.boolean(), async (which, mutations, whole) => {
        const { plan, candidates } = subjects[which % subjects.length] as (typeof subjects)[number];
        const mutated = mutatePlan(plan, candidates, mutations);
        // A sub-plan (the mutated resources and every resource a stack rule joins on) is faster
        // and isolates the mutation; every other run checks the whole plan.
        const touched = new Set(mutations.map((m) => candidates[m.resource % candidates.length]));
        const subPlan = whole
          ? mutated
          : { ...mutated, resources: mutated.resources.filter((r, i) => touched.has(i) || JOINED_TYPES.has(r.type)) };
        const found = await disagreements(subPlan).catch((e: unknown) => {
          if (isTypeScriptRuleCrash(e)) return undefined;
          throw e;
        });
        fc.pre(found !== undefined);
        expect(found).toEqual([]);
      }),
      { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) },
    );
  }

  it.each(PROGRAMS.map((p) => p.name))("agrees on mutated plans of the %s program", (name) => fuzz([name]), 300_000);

  it("agrees on mutated plans of the AWS rule tests' programs", () => fuzz([...plans.keys()].filter((n) => n.startsWith("aws "))), 300_000);
});
