/**
 * Runs the pack entry in a child process the way the Pulumi CLI does (working directory = the pack
 * folder; the policy SDK starts a gRPC server and prints its port), then talks to it over gRPC with
 * the analyzer stubs `@pulumi/pulumi` ships: the pack must report all its policies, apply enforcement
 * overrides and waivers from its config, and report waivers that are expired or unmatched.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as analyzer from "@pulumi/pulumi/proto/analyzer_pb";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WAIVER_EXPIRED_RULE_ID, WAIVER_INVALID_RULE_ID, WAIVER_UNMATCHED_RULE_ID } from "../../engine/waivers";
import { hipaaPolicies, PACK_NAME, PACK_VERSION } from "..";

const PACK_DIR = __dirname;
const ENTRY = path.join(PACK_DIR, "index.ts");
const PRELOAD = path.join(PACK_DIR, "testdata", "register-ts.cjs");

let child: ChildProcess;
let client: AnalyzerClient;

function call<Req, Res>(method: (req: Req, cb: (err: grpc.ServiceError | null, res: Res) => void) => unknown, req: Req): Promise<Res> {
  return new Promise((resolve, reject) => method.call(client, req, (err, res) => (err ? reject(err) : resolve(res))));
}

const urn = (type: string, name: string) => `urn:pulumi:prod::clinic::${type}::${name}`;
const KEY = "aws:kms/key:Key";

function resource(name: string, props: Record<string, unknown>) {
  const r = new analyzer.AnalyzerResource();
  r.setType(KEY);
  r.setUrn(urn(KEY, name));
  r.setName(name);
  r.setProperties(Struct.fromJavaScript(props as never));
  r.setOptions(new analyzer.AnalyzerResourceOptions());
  return r;
}

function analyzeRequest(name: string, props: Record<string, unknown>) {
  const req = new analyzer.AnalyzeRequest();
  req.setType(KEY);
  req.setUrn(urn(KEY, name));
  req.setName(name);
  req.setProperties(Struct.fromJavaScript(props as never));
  req.setOptions(new analyzer.AnalyzerResourceOptions());
  return req;
}

/** Starts the pack as the CLI would (cwd = the pack folder) and resolves with the port it prints. */
function startPack(args: readonly string[]): { child: ChildProcess; port: Promise<string> } {
  const proc = spawn(process.execPath, args, { cwd: PACK_DIR, stdio: ["ignore", "pipe", "pipe"] });
  let err = "";
  proc.stderr?.on("data", (d: Buffer) => (err += d.toString()));
  const port = new Promise<string>((resolve, reject) => {
    let out = "";
    proc.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      const line = out.split("\n")[0]?.trim();
      if (out.includes("\n") && line) resolve(line);
    });
    proc.on("exit", (code) => reject(new Error(`the pack exited with ${code}: ${err}`)));
  });
  return { child: proc, port };
}

beforeAll(async () => {
  const started = startPack(["-r", PRELOAD, ENTRY]);
  child = started.child;
  const port = await started.port;
  expect(port).toMatch(/^\d+$/);
  client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
}, 60_000);

afterAll(() => {
  client?.close();
  child?.kill();
});

describe("the CrossGuard policy pack", () => {
  it("has a PulumiPolicy.yaml for the nodejs runtime and the package's version", () => {
    expect(fs.readFileSync(path.join(PACK_DIR, "PulumiPolicy.yaml"), "utf8")).toMatch(/^runtime: nodejs$/m);
    const pkg = JSON.parse(fs.readFileSync(path.join(PACK_DIR, "package.json"), "utf8")) as { version: string; main: string };
    expect(pkg.version).toBe(PACK_VERSION);
    expect(path.resolve(PACK_DIR, pkg.main)).toBe(path.resolve(PACK_DIR, "..", "..", "..", "dist", "policies", "hipaa", "pack", "index.js"));
  });

  it("reports every policy of the pack by name over gRPC", async () => {
    const info = await call<Empty, analyzer.AnalyzerInfo>(client.getAnalyzerInfo, new Empty());
    expect(info.getName()).toBe(PACK_NAME);
    expect(info.getVersion()).toBe(PACK_VERSION);
    const names = info.getPoliciesList().map((p) => p.getName());
    expect(names).toEqual([...hipaaPolicies.map((p) => p.name), WAIVER_EXPIRED_RULE_ID, WAIVER_INVALID_RULE_ID, WAIVER_UNMATCHED_RULE_ID]);
    const rotation = info.getPoliciesList().find((p) => p.getName() === "kms-key-rotation-enabled");
    expect(rotation?.getEnforcementlevel()).toBe(analyzer.EnforcementLevel.MANDATORY);
    expect(rotation?.getRemediationSteps()).toContain("EnvelopeKey");
    expect(rotation?.getFramework()?.getReference()).toContain("164.312(a)(2)(iv)");
    expect(Object.keys(rotation?.getConfigschema()?.getProperties()?.toJavaScript() ?? {})).toContain("waivers");
  });

  it("applies enforcement overrides and waivers from the pack config, and reports expired and unmatched waivers", async () => {
    const configure = new analyzer.ConfigureAnalyzerRequest();
    const config = (level: number, props: Record<string, unknown>) => {
      const c = new analyzer.PolicyConfig();
      c.setEnforcementlevel(level);
      c.setProperties(Struct.fromJavaScript(props as never));
      return c;
    };
    const waiver = { reason: "Legacy key kept for decrypting archived records only", approver: "Dana Smith", expires: "2999-12-31" };
    configure.getPolicyconfigMap().set(
      "kms-key-rotation-enabled",
      config(analyzer.EnforcementLevel.MANDATORY, { waivers: [{ resource: "legacy-*", ...waiver }, { resource: "gone-key", ...waiver }] }),
    );
    configure.getPolicyconfigMap().set("kms-key-policy-defined", config(analyzer.EnforcementLevel.MANDATORY, {
      waivers: [{ resource: "legacy-key", reason: "Default policy accepted during the migration", approver: "Dana Smith", expires: "2020-01-31" }],
    }));
    configure.getPolicyconfigMap().set("kms-key-deletion-window-sufficient", config(analyzer.EnforcementLevel.DISABLED, {}));
    await call(client.configure, configure);

    const diagnostics = async (name: string) =>
      (await call<analyzer.AnalyzeRequest, analyzer.AnalyzeResponse>(client.analyze, analyzeRequest(name, { deletionWindowInDays: 7, tags: { "data-classification": "phi" } })))
        .getDiagnosticsList()
        .map((d) => ({ policy: d.getPolicyname(), level: d.getEnforcementlevel(), message: d.getMessage() }));

    const fresh = await diagnostics("new-key");
    expect(fresh.find((d) => d.policy === "kms-key-rotation-enabled")?.level).toBe(analyzer.EnforcementLevel.MANDATORY);
    expect(fresh.find((d) => d.policy === "kms-key-policy-defined")?.level).toBe(analyzer.EnforcementLevel.MANDATORY);
    expect(fresh.some((d) => d.policy === "kms-key-deletion-window-sufficient")).toBe(false);

    const legacy = await diagnostics("legacy-key");
    const waived = legacy.find((d) => d.policy === "kms-key-rotation-enabled");
    expect(waived?.level).toBe(analyzer.EnforcementLevel.ADVISORY);
    expect(waived?.message).toContain("[waived until 2999-12-31, approved by Dana Smith: Legacy key kept");
    expect(legacy.find((d) => d.policy === "kms-key-policy-defined")?.level).toBe(analyzer.EnforcementLevel.MANDATORY);

    const stack = new analyzer.AnalyzeStackRequest();
    stack.setResourcesList([resource("new-key", {}), resource("legacy-key", {})]);
    const response = await call<analyzer.AnalyzeStackRequest, analyzer.AnalyzeResponse>(client.analyzeStack, stack);
    const byPolicy = (name: string) => response.getDiagnosticsList().filter((d) => d.getPolicyname() === name);
    expect(byPolicy(WAIVER_EXPIRED_RULE_ID).map((d) => d.getMessage())).toEqual([expect.stringContaining("expired on 2020-01-31")]);
    expect(byPolicy(WAIVER_EXPIRED_RULE_ID)[0]?.getEnforcementlevel()).toBe(analyzer.EnforcementLevel.MANDATORY);
    expect(byPolicy(WAIVER_UNMATCHED_RULE_ID).map((d) => d.getMessage())).toEqual([expect.stringContaining("resource 'gone-key'")]);
    expect(byPolicy(WAIVER_INVALID_RULE_ID)).toHaveLength(0);
  });
});

/** The compiled entry, if `npm run build` produced it after the last change to the pack's sources. */
function freshDistEntry(): string | undefined {
  const entry = path.join(PACK_DIR, "..", "..", "..", "dist", "policies", "hipaa", "pack", "index.js");
  if (!fs.existsSync(entry)) return undefined;
  const built = fs.statSync(entry).mtimeMs;
  const newest = (dir: string): number =>
    Math.max(
      0,
      ...fs.readdirSync(dir, { withFileTypes: true }).map((e) => {
        const p = path.join(dir, e.name);
        return e.isDirectory() ? newest(p) : e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? fs.statSync(p).mtimeMs : 0;
      }),
    );
  return newest(path.join(PACK_DIR, "..")) <= built ? entry : undefined;
}

describe.skipIf(freshDistEntry() === undefined)("the built pack (dist/), loaded by the SDK's run-policy-pack as the CLI does", () => {
  it("starts from package.json's main and reports every policy", async () => {
    const runPolicyPack = require.resolve("@pulumi/pulumi/cmd/run-policy-pack");
    const started = startPack([runPolicyPack, "127.0.0.1:0", "."]);
    try {
      const port = await started.port;
      const dist = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
      const info = await new Promise<analyzer.AnalyzerInfo>((resolve, reject) =>
        dist.getAnalyzerInfo(new Empty(), (err, res) => (err ? reject(err) : resolve(res))),
      );
      dist.close();
      expect(info.getPoliciesList().map((p) => p.getName())).toHaveLength(hipaaPolicies.length + 3);
    } finally {
      started.child.kill();
    }
  }, 60_000);
});
