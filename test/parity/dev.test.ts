import { it } from "vitest";
import * as fs from "node:fs";
import { mutatePlan } from "./mutate";
import { hipaaPolicies } from "../../policies/hipaa";
import { planTestProgram } from "../support/plan";
import { kubernetesPrograms, componentPrograms } from "./corpus";
import { evaluatePlan } from "../../policies/engine";
import { evaluatePlanRego, compareEngines, describeDisagreement } from "../../policies/engine/rego";

it("repro", async () => {
  const prog = [...kubernetesPrograms(), ...componentPrograms()].find((p) => p.name === process.env.PROG)!;
  const plan = await planTestProgram(prog.source, prog.config ? { config: prog.config } : {});
  const rego0 = await evaluatePlanRego(plan);
  const tsRules = hipaaPolicies.filter((p) => rego0.ruleIds.includes(p.name));
  const JOINED = ["kubernetes:networking.k8s.io/v1:NetworkPolicy","kubernetes:core/v1:Namespace","pulumi:providers:kubernetes","aws:eks/cluster:Cluster","aws:eks/nodeGroup:NodeGroup","aws:eks/addon:Addon","aws:ec2/launchTemplate:LaunchTemplate","aws:cloudwatch/logGroup:LogGroup","aws:ec2/subnet:Subnet","aws:ec2/routeTable:RouteTable","aws:ec2/routeTableAssociation:RouteTableAssociation","aws:ec2/route:Route","aws:ec2/internetGateway:InternetGateway"];
  const ruleTypes = new Set(tsRules.flatMap((p) => p.resourceTypes ?? []));
  const candidates = plan.resources.flatMap((r: any, i: number) => (ruleTypes.has(r.type) || JOINED.includes(r.type) ? [i] : []));
  const [mutations, whole] = JSON.parse(process.env.MUT as string).slice(-2);
  const mutated = mutatePlan(plan, candidates, mutations);
  const touched = new Set(mutations.map((m: any) => candidates[m.resource % candidates.length]));
  const sub = whole ? mutated : { ...mutated, resources: mutated.resources.filter((r: any, i: number) => touched.has(i) || JOINED.includes(r.type)) };
  for (const i of touched) console.log("MUTATED", mutated.resources[i as number].name, JSON.stringify(mutated.resources[i as number].props), "WAS", JSON.stringify(plan.resources[i as number].props));
  fs.writeFileSync("/tmp/sub.json", JSON.stringify(sub));
  const ts = await evaluatePlan(sub, tsRules);
  const rego = await evaluatePlanRego(sub);
  console.log(compareEngines(ts.findings, rego.findings, rego.ruleIds).map(describeDisagreement).join("\n"));
});
