/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`) into a few buckets that explain where a
 * planner run (or the CDK baseline's synthesis) spends its time. Sampled on the main thread, so shares are what matters.
 */
import * as fs from "node:fs";

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export const BUCKETS = [
  "garbage collection",
  "stack traces mapped through source maps",
  "stack traces (capture + formatting)",
  "SDK debuggablePromise (own code)",
  "module compile + load (node:, fs)",
  "async hooks (the SDK's AsyncLocalStorage)",
  "V8 native, unattributed",
  "typescript package (load + transpile)",
  "@pulumi/pulumi (other)",
  "google-protobuf",
  "@pulumi/aws",
  "phiguard",
  "CDK built-in CloudFormation validation (wasm)",
  "cdk-nag",
  "aws-cdk-lib, constructs",
  "other",
] as const;
export type Bucket = (typeof BUCKETS)[number];

const STACK_FUNCTIONS = new Set(["prepareStackTrace", "prepareStackTraceCallback", "defaultPrepareStackTrace", "get stack", "captureStackTrace"]);

/** Share of sampled time per bucket (0..1), plus the profiled time in ms. */
export function summariseProfile(file: string): { totalMs: number; shares: Record<Bucket, number> } {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const cache = new Map<number, Bucket>();
  const bucketOf = (id: number): Bucket => {
    const cached = cache.get(id);
    if (cached) return cached;
    const self = byId.get(id)!.callFrame;
    let sourceMaps = false;
    let stack = false;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)!.callFrame;
      if (f.url.startsWith("node:internal/source_map")) sourceMaps = true;
      if (STACK_FUNCTIONS.has(f.functionName)) stack = true;
    }
    const { url, functionName: fn } = self;
    const rules: [Bucket, boolean][] = [
      ["garbage collection", fn === "(garbage collector)"],
      ["stack traces mapped through source maps", sourceMaps],
      ["stack traces (capture + formatting)", stack],
      ["SDK debuggablePromise (own code)", url.includes("/@pulumi/pulumi/") && fn === "debuggablePromise"],
      ["typescript package (load + transpile)", url.includes("/node_modules/typescript/")],
      ["@pulumi/pulumi (other)", url.includes("/@pulumi/pulumi/")],
      ["google-protobuf", url.includes("/google-protobuf/")],
      ["@pulumi/aws", url.includes("/@pulumi/aws/")],
      ["async hooks (the SDK's AsyncLocalStorage)", url.startsWith("node:internal/async_hooks") || url.startsWith("node:internal/async_local_storage")],
      ["V8 native, unattributed", fn === "(program)"],
      [
        "module compile + load (node:, fs)",
        url.startsWith("node:internal/modules") || (url === "" && /^(wrapSafe|compileFunction|readFileUtf8|internalModuleStat|realpathSync)$/.test(fn)),
      ],
      ["phiguard", !url.includes("/node_modules/") && url.includes("/dist/")],
      ["CDK built-in CloudFormation validation (wasm)", url.startsWith("wasm://") || url.includes("/@aws/cloudformation-validate/")],
      ["cdk-nag", url.includes("/node_modules/cdk-nag/")],
      ["aws-cdk-lib, constructs", url.includes("/node_modules/aws-cdk-lib/") || url.includes("/node_modules/constructs/")],
    ];
    const bucket = rules.find(([, hit]) => hit)?.[0] ?? "other";
    cache.set(id, bucket);
    return bucket;
  };
  const totals = new Map<Bucket, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    const b = bucketOf(id);
    totals.set(b, (totals.get(b) ?? 0) + dt);
  });
  const shares = Object.fromEntries(BUCKETS.map((b) => [b, total > 0 ? (totals.get(b) ?? 0) / total : 0])) as Record<Bucket, number>;
  return { totalMs: total / 1000, shares };
}
