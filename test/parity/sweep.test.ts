/**
 * The exhaustive parity sweep (slow; run with PARITY_SWEEP=1, optionally PARITY_SWEEP_ONLY=<part of
 * a program name>): for every resource the Rego rules read, every place in its props, and each of
 * drop / unknown / flip there, both engines must agree on the sub-plan of that resource and the
 * resources stack rules join on. About 18,000 single mutations over the corpus, some 30 minutes on
 * 2 cores; `npm test` runs the sampled version in parity.test.ts instead.
 */
import { expect, it } from "vitest";
import { UNKNOWN, type Plan, type PlanValue } from "../../cli/plan";
import { evaluatePlan } from "../../policies/engine";
import { compareEngines, describeDisagreement, evaluatePlanRego } from "../../policies/engine/rego";
import { hipaaPolicies } from "../../policies/hipaa";
import { planTestProgram } from "../support/plan";
import { accountPrograms, awsPrograms, componentPrograms, kubernetesPrograms, residencyPrograms } from "./corpus";
import { JOINED_TYPES, pathsOf } from "./mutate";

type Op = "drop" | "unknown" | "flip";

/** The props with one change at `path`, or undefined when `op` does not apply there. */
function mutated(props: PlanValue, path: readonly (string | number)[], op: Op): PlanValue | undefined {
  const copy = structuredClone(props) as Record<string | number, PlanValue>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, PlanValue>;
  const key = path[path.length - 1] as string | number;
  const value = parent[key];
  if (op === "drop") {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else if (op === "unknown") {
    parent[key] = { ...UNKNOWN };
  } else if (typeof value === "boolean") {
    parent[key] = !value;
  } else if (value === null || typeof value !== "object") {
    parent[key] = typeof value === "string" ? (value === "" ? true : null) : false;
  } else {
    return undefined;
  }
  return copy;
}

it.skipIf(!process.env.PARITY_SWEEP)(
  "both engines agree after any single change to any value a ported rule reads",
  async () => {
    const only = process.env.PARITY_SWEEP_ONLY;
    const programs = [...kubernetesPrograms(), ...componentPrograms(), ...accountPrograms(), ...residencyPrograms(), ...(await awsPrograms())].filter((p) => !only || p.name.includes(only));
    const issues: string[] = [];
    for (const program of programs) {
      const planned = await planTestProgram(program.source, program.config ? { config: program.config } : {});
      const plan = program.stackTags ? { ...planned, stackTags: program.stackTags } : planned;
      const ported = new Set((await evaluatePlanRego(plan)).ruleIds);
      const rules = hipaaPolicies.filter((p) => ported.has(p.name));
      const ruleTypes = new Set(rules.flatMap((p) => p.resourceTypes ?? []));
      for (const [i, r] of plan.resources.entries()) {
        if (!ruleTypes.has(r.type) && !JOINED_TYPES.has(r.type)) continue;
        const base = plan.resources.filter((x, j) => j === i || JOINED_TYPES.has(x.type));
        for (const path of pathsOf(r.props)) {
          for (const op of ["drop", "unknown", "flip"] as const) {
            const props = mutated(r.props, path, op);
            if (props === undefined) continue;
            const sub: Plan = { ...plan, resources: base.map((x) => (x === r ? { ...r, props: props as typeof r.props } : x)) };
            const ts = await evaluatePlan(sub, rules);
            const rego = await evaluatePlanRego(sub);
            for (const d of compareEngines(ts.findings, rego.findings, rego.ruleIds)) {
              issues.push(`${program.name}: ${r.name} ${op} ${path.join(".")}: ${describeDisagreement(d)}`);
            }
          }
        }
      }
    }
    expect(issues).toEqual([]);
  },
  3_600_000,
);
