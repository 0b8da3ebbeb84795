/**
 * `@pulumi/policy`'s own analyzer, run in-process: the handlers its gRPC server registers
 * (`makeAnalyzeRpcFun`, `makeAnalyzeStackRpcFun`, and the `configure` / `configureStack` RPCs that
 * set its module-level policy config and stack tags), fed real protobuf requests built from a Plan
 * the way the Pulumi engine builds them. This is the reference the offline engine must match.
 *
 * Reaches into @pulumi/policy internals (pinned: 1.21.0); `captureServer` fails loudly if they move.
 */
import { createRequire } from "node:module";
import type { EnforcementLevel, Policies } from "@pulumi/policy";
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import * as rpc from "@pulumi/pulumi/runtime/rpc";
import { Struct, type JavaScriptValue } from "google-protobuf/google/protobuf/struct_pb";
import { MARKER_KEY, type Plan, type PlannedResource, type PlanValue } from "../../../cli/plan";

type Callback<R> = (err: unknown, response?: R) => void;
type Handler<Q, R> = (call: { request: Q }, callback: Callback<R>) => unknown;

interface PolicyServerModule {
  serve(name: string, version: string, level: EnforcementLevel, args: { policies: Policies }): void;
  makeAnalyzeRpcFun(name: string, version: string, level: EnforcementLevel, policies: Policies): Handler<analyzerpb.AnalyzeRequest, analyzerpb.AnalyzeResponse>;
  makeAnalyzeStackRpcFun(name: string, version: string, level: EnforcementLevel, policies: Policies): Handler<analyzerpb.AnalyzeStackRequest, analyzerpb.AnalyzeResponse>;
}

interface GrpcServerPrototype {
  addService(service: unknown, implementation: Record<string, unknown>): void;
  bindAsync(...args: unknown[]): void;
}

export const PINNED_POLICY_VERSION = "1.21.0";

const requireHere = createRequire(__filename);
const policyRequire = createRequire(requireHere.resolve("@pulumi/policy/server"));

interface Captured {
  server: PolicyServerModule;
  configure: Handler<analyzerpb.ConfigureAnalyzerRequest, unknown>;
  configureStack: Handler<analyzerpb.AnalyzerStackConfigureRequest, unknown>;
}
let captured: Captured | undefined;

/**
 * Runs the server's `serve()` with gRPC's `addService` / `bindAsync` intercepted, to get the
 * `configure` and `configureStack` handlers (not exported) without opening a port.
 */
export function captureServer(): Captured {
  if (captured) return captured;
  const version = (policyRequire("@pulumi/policy/package.json") as { version: string }).version.replace(/^v/, "");
  if (version !== PINNED_POLICY_VERSION) {
    throw new Error(`@pulumi/policy ${version} is installed; the faithfulness harness was written against ${PINNED_POLICY_VERSION}: re-check server.js and update it`);
  }
  const server = policyRequire("@pulumi/policy/server") as PolicyServerModule;
  const grpc = policyRequire("@grpc/grpc-js") as { Server: { prototype: GrpcServerPrototype } };
  const proto = grpc.Server.prototype;
  const { addService, bindAsync } = proto;
  let handlers: Record<string, unknown> | undefined;
  proto.addService = (_service, implementation) => {
    handlers = implementation;
  };
  proto.bindAsync = () => undefined;
  try {
    server.serve("phiguard-faithfulness", "1.0.0", "advisory", { policies: [] });
  } finally {
    proto.addService = addService;
    proto.bindAsync = bindAsync;
  }
  for (const name of ["configure", "configureStack"]) {
    if (typeof handlers?.[name] !== "function") throw new Error(`@pulumi/policy's server no longer registers '${name}' the way this harness expects`);
  }
  for (const name of ["makeAnalyzeRpcFun", "makeAnalyzeStackRpcFun"] as const) {
    if (typeof server[name] !== "function") throw new Error(`@pulumi/policy/server no longer exports ${name}`);
  }
  captured = {
    server,
    configure: handlers?.configure as Captured["configure"],
    configureStack: handlers?.configureStack as Captured["configureStack"],
  };
  return captured;
}

function invoke<Q, R>(handler: Handler<Q, R>, request: Q): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    void handler({ request }, (err, response) => (err ? reject(err) : resolve(response as R)));
  });
}

// ---- Plan → wire format (what the Pulumi engine marshals) -------------------------------------

export function toWire(value: PlanValue): JavaScriptValue {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v: PlanValue) => toWire(v));
  const record = value as Record<string, PlanValue>;
  switch (record[MARKER_KEY]) {
    case "unknown":
      return rpc.unknownValue;
    case "secret": // the plan never holds the value: a secret whose value is unknown
      return { [rpc.specialSigKey]: rpc.specialSecretSig, value: rpc.unknownValue };
    case "asset":
    case "archive": {
      const sig = record[MARKER_KEY] === "asset" ? rpc.specialAssetSig : rpc.specialArchiveSig;
      const out: Record<string, JavaScriptValue> = { [rpc.specialSigKey]: sig };
      for (const k of ["path", "text", "uri", "assets"]) if (record[k] !== undefined) out[k] = toWire(record[k] as PlanValue);
      return out;
    }
    default: {
      const out: Record<string, JavaScriptValue> = {};
      for (const [k, v] of Object.entries(record)) out[k] = toWire(v);
      return out;
    }
  }
}

function struct(props: Record<string, PlanValue>): Struct {
  return Struct.fromJavaScript(toWire(props) as Record<string, JavaScriptValue>);
}

/** Only the simple `<n><unit>` durations the test plans use; the engine's parser is tested apart. */
function seconds(text: string | undefined): number {
  if (!text) return 0;
  const m = /^(\d+)([smh])$/.exec(text);
  if (!m) throw new Error(`test plan duration ${text} not supported by the harness`);
  return Number(m[1]) * { s: 1, m: 60, h: 3600 }[m[2] as "s" | "m" | "h"];
}

function options(r: PlannedResource): analyzerpb.AnalyzerResourceOptions {
  const o = new analyzerpb.AnalyzerResourceOptions();
  o.setProtect(r.options.protect);
  o.setIgnorechangesList([...r.options.ignoreChanges]);
  if (r.options.deleteBeforeReplace !== undefined) {
    o.setDeletebeforereplace(r.options.deleteBeforeReplace);
    o.setDeletebeforereplacedefined(true);
  }
  o.setAdditionalsecretoutputsList([...r.options.additionalSecretOutputs]);
  o.setAliasesList([...r.options.aliases]);
  const t = new analyzerpb.AnalyzerResourceOptions.CustomTimeouts();
  t.setCreate(seconds(r.options.customTimeouts?.create));
  t.setUpdate(seconds(r.options.customTimeouts?.update));
  t.setDelete(seconds(r.options.customTimeouts?.delete));
  o.setCustomtimeouts(t);
  if (r.parent) o.setParent(r.parent);
  return o;
}

function provider(plan: Plan, r: PlannedResource): analyzerpb.AnalyzerProviderResource | undefined {
  const p = r.provider ? plan.resources.find((x) => x.urn === r.provider) : undefined;
  if (!p) return undefined;
  const msg = new analyzerpb.AnalyzerProviderResource();
  msg.setType(p.type);
  msg.setProperties(struct(p.props));
  msg.setUrn(p.urn);
  msg.setName(p.name);
  return msg;
}

export function analyzeRequest(plan: Plan, r: PlannedResource): analyzerpb.AnalyzeRequest {
  const req = new analyzerpb.AnalyzeRequest();
  req.setType(r.type);
  req.setProperties(struct(r.props));
  req.setUrn(r.urn);
  req.setName(r.name);
  req.setOptions(options(r));
  const prov = provider(plan, r);
  if (prov) req.setProvider(prov);
  return req;
}

export function analyzeStackRequest(plan: Plan): analyzerpb.AnalyzeStackRequest {
  const req = new analyzerpb.AnalyzeStackRequest();
  req.setResourcesList(
    plan.resources.map((r) => {
      const msg = new analyzerpb.AnalyzerResource();
      msg.setType(r.type);
      msg.setProperties(struct(r.props));
      msg.setUrn(r.urn);
      msg.setName(r.name);
      msg.setOptions(options(r));
      const prov = provider(plan, r);
      if (prov) msg.setProvider(prov);
      if (r.parent) msg.setParent(r.parent);
      msg.setDependenciesList([...r.dependencies]);
      const deps = msg.getPropertydependenciesMap();
      for (const [k, urns] of Object.entries(r.propertyDependencies)) {
        const d = new analyzerpb.AnalyzerPropertyDependencies();
        d.setUrnsList([...urns]);
        deps.set(k, d);
      }
      return msg;
    }),
  );
  return req;
}

// ---- Config, reconciled as the Pulumi CLI does before calling `configure` ------------------

const LEVELS: Record<EnforcementLevel, analyzerpb.EnforcementLevel> = {
  advisory: analyzerpb.EnforcementLevel.ADVISORY,
  mandatory: analyzerpb.EnforcementLevel.MANDATORY,
  disabled: analyzerpb.EnforcementLevel.DISABLED,
  remediate: analyzerpb.EnforcementLevel.REMEDIATE,
};

export interface ServerRunOptions {
  packName: string;
  packVersion: string;
  packEnforcementLevel: EnforcementLevel;
  enforcement?: Record<string, EnforcementLevel>;
  policyConfig?: Record<string, Record<string, unknown>>;
}

function configureRequest(policies: Policies, o: ServerRunOptions): analyzerpb.ConfigureAnalyzerRequest {
  const req = new analyzerpb.ConfigureAnalyzerRequest();
  const map = req.getPolicyconfigMap();
  const levelIn = (key: string) => o.enforcement?.[key] ?? (o.policyConfig?.[key]?.enforcementLevel as EnforcementLevel | undefined);
  for (const p of policies) {
    const level = levelIn(p.name) ?? levelIn("all") ?? p.enforcementLevel ?? o.packEnforcementLevel;
    const props: Record<string, JavaScriptValue> = {};
    for (const [k, schema] of Object.entries(p.configSchema?.properties ?? {})) {
      if ("default" in schema) props[k] = schema.default as JavaScriptValue;
    }
    for (const [k, v] of Object.entries(o.policyConfig?.[p.name] ?? {})) {
      if (k !== "enforcementLevel") props[k] = v as JavaScriptValue;
    }
    const config = new analyzerpb.PolicyConfig();
    config.setEnforcementlevel(LEVELS[level]);
    config.setProperties(Struct.fromJavaScript(props));
    map.set(p.name, config);
  }
  return req;
}

// ---- Results ------------------------------------------------------------------------------

export interface ServerDiagnostic {
  policyName: string;
  /** The diagnostic's own URN, else (for `analyze`) the analyzed resource's, as the engine attributes it. */
  urn?: string;
  message: string;
  enforcementLevel: EnforcementLevel;
  description: string;
  severity: number;
  /** From `analyze` or `analyzeStack`. */
  from: "resource" | "stack";
}

export interface ServerNotApplicable {
  ruleId: string;
  urn?: string;
  reason: string;
}

export interface ServerResult {
  diagnostics: ServerDiagnostic[];
  notApplicable: ServerNotApplicable[];
}

const LEVEL_NAMES = Object.fromEntries(Object.entries(LEVELS).map(([k, v]) => [v, k])) as Record<number, EnforcementLevel>;

function collect(resp: analyzerpb.AnalyzeResponse, urn: string | undefined, out: ServerResult): void {
  for (const d of resp.getDiagnosticsList()) {
    const diagUrn = d.getUrn() || urn;
    out.diagnostics.push({
      policyName: d.getPolicyname(),
      ...(diagUrn ? { urn: diagUrn } : {}),
      message: d.getMessage(),
      enforcementLevel: LEVEL_NAMES[d.getEnforcementlevel()] as EnforcementLevel,
      description: d.getDescription(),
      severity: d.getSeverity(),
      from: urn ? "resource" : "stack",
    });
  }
  for (const na of resp.getNotApplicableList()) {
    out.notApplicable.push({ ruleId: na.getPolicyName(), ...(urn ? { urn } : {}), reason: na.getReason() });
  }
}

/** What `pulumi preview --policy-pack` would report for the plan: one `analyze` per resource, one `analyzeStack`. */
export async function runPolicyServer(plan: Plan, policies: Policies, o: ServerRunOptions): Promise<ServerResult> {
  const { server, configure, configureStack } = captureServer();
  await invoke(configure, configureRequest(policies, o));
  const stackConfig = new analyzerpb.AnalyzerStackConfigureRequest();
  stackConfig.setStack(plan.stack);
  stackConfig.setProject(plan.project);
  for (const [k, v] of Object.entries(plan.stackTags)) stackConfig.getTagsMap().set(k, v);
  await invoke(configureStack, stackConfig);

  const analyze = server.makeAnalyzeRpcFun(o.packName, o.packVersion, o.packEnforcementLevel, policies);
  const analyzeStack = server.makeAnalyzeStackRpcFun(o.packName, o.packVersion, o.packEnforcementLevel, policies);
  const out: ServerResult = { diagnostics: [], notApplicable: [] };
  for (const r of plan.resources) collect(await invoke(analyze, analyzeRequest(plan, r)), r.urn, out);
  collect(await invoke(analyzeStack, analyzeStackRequest(plan)), undefined, out);
  return out;
}
