/**
 * Rego (wasm) engine against the TypeScript engine: full-plan evaluation time on the generated
 * estates (bench/estate/generate.ts), planned once with the offline planner, then each engine run
 * several times over the same Plan in this process. Prints a markdown table.
 *
 *   npm run build && node node_modules/typescript/bin/tsc -p bench/tsconfig.json
 *   node bench/out/js/rego-vs-ts.js [--sizes 1000,5000] [--runs 5] [--dump DIR]
 *
 * `--dump DIR` only writes each plan as DIR/<plan>.json (the wasm's input), for
 * `opa eval --profile -d policies/opa -i DIR/estate-5000.json data.phiguard.findings`.
 *
 * It loads phiguard from dist/ (bench/ compiles on its own, with no imports outside it). Besides the
 * estates (AWS resources only, so the Kubernetes and EKS rules find nothing to check), a synthetic
 * Kubernetes plan of the same size shows the engines where the ported rules apply to most resources.
 * Columns: "TS (ported)" runs only the rules the Rego pack implements (like for like), "TS (all)"
 * the whole TypeScript pack; "Rego" is evaluatePlanRego (plan check, config, one wasm evaluation of
 * the whole plan, mapping); "wasm only" is the wasm evaluation alone.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { planEstate, renderEstate, writeEstate } from "./estate/generate";

const BENCH = path.resolve(__dirname, "..", "..");
const ROOT = path.resolve(BENCH, "..");
const DIST = path.join(ROOT, "dist");

/* The parts of phiguard's API this benchmark uses (loaded from dist/ at run time). */
interface PlanLike {
  readonly resources: readonly { readonly type: string; readonly urn: string }[];
}
interface FindingLike {
  readonly ruleId: string;
}
interface PolicyLike {
  readonly name: string;
}
interface Phiguard {
  planProgram(options: { dir: string; stack: string; timeoutMs: number }): Promise<PlanLike>;
  evaluatePlan(plan: PlanLike, policies: readonly PolicyLike[]): Promise<{ findings: FindingLike[] }>;
  evaluatePlanRego(plan: PlanLike): Promise<{ findings: FindingLike[]; ruleIds: string[] }>;
  loadRegoPack(): Promise<{ rules: ReadonlyMap<string, { rego: string }>; findings(plan: PlanLike, data: object): Promise<unknown[]> }>;
  hipaaPolicies: readonly PolicyLike[];
}

function loadPhiguard(): Phiguard {
  const need = (file: string) => {
    const full = path.join(DIST, file);
    if (!fs.existsSync(`${full}.js`) && !fs.existsSync(path.join(full, "index.js"))) {
      throw new Error(`${full} is missing: run \`npm run build\` first`);
    }
    return require(full) as Record<string, unknown>;
  };
  return {
    ...(need("cli/planner") as object),
    ...(need("policies/engine") as object),
    ...(need("policies/engine/rego") as object),
    ...(need("policies/hipaa") as object),
  } as unknown as Phiguard;
}

function args(): { sizes: number[]; runs: number; dump?: string } {
  const argv = process.argv.slice(2);
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    sizes: (value("--sizes") ?? "1000,5000").split(",").map(Number),
    runs: Number(value("--runs") ?? 5),
    dump: value("--dump"),
  };
}

/** The median time of `runs` runs of `fn` (ms), after one warm-up run. */
async function time(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  return times.length % 2 ? (times[mid] as number) : ((times[mid - 1] as number) + (times[mid] as number)) / 2;
}

async function estatePlan(phiguard: Phiguard, size: number): Promise<PlanLike> {
  const dir = path.join(BENCH, "out", `estate-${size}`);
  if (!fs.existsSync(path.join(dir, "Pulumi.yaml"))) writeEstate(dir, renderEstate(planEstate(size)));
  return phiguard.planProgram({ dir, stack: "bench", timeoutMs: 900_000 });
}

/**
 * A Kubernetes estate of about `size` resources: per namespace a Namespace, a default-deny
 * NetworkPolicy, and workloads (Deployments with a pod spec, Services, a Role and RoleBinding),
 * some compliant and some not, some with values unknown at preview.
 */
function kubernetesPlan(size: number): PlanLike {
  const resources: object[] = [];
  const urn = (type: string, name: string) => `urn:pulumi:bench::k8s::${type}::${name}`;
  const add = (type: string, name: string, props: object, propertyDependencies: Record<string, string[]> = {}) =>
    resources.push({
      urn: urn(type, name),
      type,
      name,
      custom: true,
      parent: urn("pulumi:pulumi:Stack", "k8s-bench"),
      dependencies: Object.values(propertyDependencies).flat(),
      propertyDependencies,
      props,
      options: { protect: false, ignoreChanges: [], aliases: [], additionalSecretOutputs: [] },
    });
  resources.push({ urn: urn("pulumi:pulumi:Stack", "k8s-bench"), type: "pulumi:pulumi:Stack", name: "k8s-bench", custom: false, dependencies: [], propertyDependencies: {}, props: {}, options: { protect: false, ignoreChanges: [], aliases: [], additionalSecretOutputs: [] } });
  const digest = `123456789012.dkr.ecr.us-east-1.amazonaws.com/app@sha256:${"a".repeat(64)}`;
  for (let ns = 0; resources.length < size; ns++) {
    const namespace = `team-${ns}`;
    add("kubernetes:core/v1:Namespace", namespace, { metadata: { name: namespace, labels: { "pod-security.kubernetes.io/enforce": ns % 4 ? "restricted" : "baseline" } } });
    add("kubernetes:networking.k8s.io/v1:NetworkPolicy", `${namespace}-deny`, { metadata: { namespace }, spec: { podSelector: {}, policyTypes: ns % 5 ? ["Ingress", "Egress"] : ["Ingress"] } });
    for (let w = 0; w < 8 && resources.length < size; w++) {
      const name = `${namespace}-app-${w}`;
      const bad = (ns + w) % 3 === 0;
      const container = {
        name: "app",
        image: bad ? "nginx:latest" : digest,
        securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: !bad, runAsNonRoot: true, capabilities: { drop: ["ALL"] }, privileged: w === 7 ? { "@phiguard": "unknown" } : false },
        resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "256Mi" } },
        livenessProbe: { httpGet: { path: "/healthz", port: 8080 } },
        readinessProbe: { httpGet: { path: "/healthz", port: 8080 } },
        env: bad ? [{ name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "db", key: "password" } } }] : [],
      };
      const pod = { serviceAccountName: "app", automountServiceAccountToken: false, securityContext: { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } }, containers: [container] };
      add("kubernetes:apps/v1:Deployment", name, { metadata: { namespace }, spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: pod } } });
      add("kubernetes:core/v1:Service", `${name}-svc`, { metadata: { namespace }, spec: { type: bad ? "LoadBalancer" : "ClusterIP", ports: [{ name: "http", port: 80 }] } });
    }
    add("kubernetes:rbac.authorization.k8s.io/v1:Role", `${namespace}-reader`, { metadata: { namespace }, rules: [{ apiGroups: [""], resources: ns % 2 ? ["pods"] : ["secrets"], verbs: ["get", "list"] }] });
    add("kubernetes:rbac.authorization.k8s.io/v1:RoleBinding", `${namespace}-readers`, { metadata: { namespace }, roleRef: { kind: "Role", name: `${namespace}-reader` }, subjects: [{ kind: "Group", name: "readers" }] });
  }
  return { schemaVersion: 1, source: "program", project: "k8s", stack: "bench", config: {}, stackTags: {}, resources: resources.slice(0, size), diagnostics: [] } as unknown as PlanLike;
}

async function main(): Promise<void> {
  const { sizes, runs, dump } = args();
  const phiguard = loadPhiguard();
  const pack = await phiguard.loadRegoPack();
  const ported = phiguard.hipaaPolicies.filter((p) => pack.rules.has(p.name));
  const data = { config: {} };
  const rows: string[] = [];
  for (const size of sizes) {
    const plansToRun: [string, PlanLike][] = [
      [`estate-${size}`, await estatePlan(phiguard, size)],
      [`k8s-${size}`, kubernetesPlan(size)],
    ];
    for (const [name, plan] of plansToRun) {
      if (dump !== undefined) {
        fs.mkdirSync(dump, { recursive: true });
        fs.writeFileSync(path.join(dump, `${name}.json`), JSON.stringify(plan));
        console.error(`wrote ${path.join(dump, `${name}.json`)}`);
        continue;
      }
      const tsPorted = await time(runs, () => phiguard.evaluatePlan(plan, ported));
      const tsAll = await time(runs, () => phiguard.evaluatePlan(plan, phiguard.hipaaPolicies));
      const rego = await time(runs, () => phiguard.evaluatePlanRego(plan));
      const wasm = await time(runs, () => pack.findings(plan, data));
      const findings = (await phiguard.evaluatePlanRego(plan)).findings.length;
      const tsFindings = (await phiguard.evaluatePlan(plan, ported)).findings.length;
      rows.push(
        `| ${name} | ${plan.resources.length} | ${tsPorted.toFixed(0)} | ${rego.toFixed(0)} | ${wasm.toFixed(0)} | ${tsAll.toFixed(0)} | ${tsFindings} / ${findings} |`,
      );
      console.error(`done: ${name}`);
    }
  }
  if (dump !== undefined) return;
  console.log(`Median of ${runs} runs (after a warm-up), ms; ${pack.rules.size} rules ported to Rego, ${phiguard.hipaaPolicies.length} in the TypeScript pack.\n`);
  console.log("| plan | resources | TS (ported rules) | Rego | wasm only | TS (all rules) | findings TS / Rego |");
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  for (const row of rows) console.log(row);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
