import { it } from "vitest";
import * as fs from "node:fs";
import { pathsOf } from "./mutate";
import { hipaaPolicies } from "../../policies/hipaa";
import { planTestProgram } from "../support/plan";
import { kubernetesPrograms, componentPrograms, awsPrograms } from "./corpus";
import { evaluatePlan } from "../../policies/engine";
import { evaluatePlanRego, compareEngines, describeDisagreement } from "../../policies/engine/rego";
import { UNKNOWN } from "../../cli/plan";

const JOINED = new Set(["kubernetes:networking.k8s.io/v1:NetworkPolicy","kubernetes:core/v1:Namespace","pulumi:providers:kubernetes","aws:eks/cluster:Cluster","aws:eks/nodeGroup:NodeGroup","aws:eks/addon:Addon","aws:ec2/launchTemplate:LaunchTemplate","aws:cloudwatch/logGroup:LogGroup","aws:ec2/subnet:Subnet","aws:ec2/routeTable:RouteTable","aws:ec2/routeTableAssociation:RouteTableAssociation","aws:ec2/route:Route","aws:ec2/internetGateway:InternetGateway"]);

it("sweep", async () => {
  const out: string[] = [];
  const programs = [...kubernetesPrograms(), ...componentPrograms(), ...(await awsPrograms())].filter((p) => !process.env.ONLY || p.name.includes(process.env.ONLY));
  for (const prog of programs) {
    const plan = await planTestProgram(prog.source, prog.config ? { config: prog.config } : {});
    const rego0 = await evaluatePlanRego(plan);
    const tsRules = hipaaPolicies.filter((p) => rego0.ruleIds.includes(p.name));
    const ruleTypes = new Set(tsRules.flatMap((p) => p.resourceTypes ?? []));
    let n = 0;
    for (let i = 0; i < plan.resources.length; i++) {
      const r = plan.resources[i]!;
      if (!ruleTypes.has(r.type) && !JOINED.has(r.type)) continue;
      const base = plan.resources.filter((x, j) => j === i || JOINED.has(x.type));
      for (const path of pathsOf(r.props)) {
        if (path.length > Number(process.env.DEPTH ?? 99)) continue;
        for (const op of ["drop", "unknown", "flip"]) {
          const props = structuredClone(r.props) as any;
          let parent = props; for (const k of path.slice(0, -1)) parent = parent[k];
          const key = path[path.length - 1] as any;
          if (op === "drop") { if (Array.isArray(parent)) parent.splice(key, 1); else delete parent[key]; }
          else if (op === "unknown") parent[key] = { ...UNKNOWN };
          else { const v = parent[key]; if (typeof v === "boolean") parent[key] = !v; else if (v === null || typeof v !== "object") parent[key] = typeof v === "string" ? (v === "" ? true : null) : false; else continue; }
          const resources = base.map((x) => (x === r ? { ...r, props } : x));
          const sub = { ...plan, resources };
          n++;
          let ds: string[];
          try {
            const ts = await evaluatePlan(sub, tsRules);
            const rego = await evaluatePlanRego(sub);
            ds = compareEngines(ts.findings, rego.findings, rego.ruleIds).map(describeDisagreement);
          } catch (e) { ds = [`ERROR ${String(e)}`]; }
          if (ds.length) out.push(`${prog.name} | ${r.name} | ${op} ${path.join(".")}\n  ${ds.join("\n  ")}`);
        }
      }
    }
    console.log(prog.name, n, "mutations", out.length, "issues so far");
    fs.writeFileSync("/tmp/sweep.txt", out.join("\n"));
  }
}, 3_600_000);
