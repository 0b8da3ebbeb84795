import { it } from "vitest";
import * as fs from "node:fs";
import { mutatePlan } from "./mutate";
import { hipaaPolicies } from "../../policies/hipaa";
import { planTestProgram } from "../support/plan";
import { EKS_PROGRAM } from "../../policies/hipaa/rules/eks/tests/eks-program";

it("repro", async () => {
  const plan = await planTestProgram(EKS_PROGRAM);
  fs.writeFileSync("/tmp/plan-eks-fresh.json", JSON.stringify(plan));
  const ruleTypes = new Set(hipaaPolicies.filter(p => p.name.startsWith("k8s-") || p.name.startsWith("eks-")).flatMap((p) => p.resourceTypes ?? []));
  const JOINED = ["kubernetes:networking.k8s.io/v1:NetworkPolicy","kubernetes:core/v1:Namespace","pulumi:providers:kubernetes","aws:eks/cluster:Cluster","aws:eks/nodeGroup:NodeGroup","aws:eks/addon:Addon","aws:ec2/launchTemplate:LaunchTemplate","aws:cloudwatch/logGroup:LogGroup","aws:ec2/subnet:Subnet","aws:ec2/routeTable:RouteTable","aws:ec2/routeTableAssociation:RouteTableAssociation","aws:ec2/route:Route","aws:ec2/internetGateway:InternetGateway"];
  const candidates = plan.resources.flatMap((r: any, i: number) => (ruleTypes.has(r.type) || JOINED.includes(r.type) ? [i] : []));
  const mutations = JSON.parse(process.env.MUT as string);
  const mutated = mutatePlan(plan, candidates, mutations);
  const touched = new Set(mutations.map((m: any) => candidates[m.resource % candidates.length]));
  const sub = { ...mutated, resources: mutated.resources.filter((r: any, i: number) => touched.has(i) || JOINED.includes(r.type)) };
  fs.writeFileSync("/tmp/sub.json", JSON.stringify(sub));
  for (const m of mutations) console.log("MUT", JSON.stringify(m), plan.resources[candidates[m.resource % candidates.length]].name);
});
