/**
 * The parts of a program's own `@pulumi/pulumi` copy that the planner drives. The mock runtime
 * is per module instance, so these are always resolved from the program's directory.
 *
 * Some are SDK internals (marked @internal in the SDK). They are pinned to the SDK versions this
 * file was tested with; `sdk.test.ts` fails loudly if any of them moves.
 */
import { createRequire } from "node:module";
import * as path from "node:path";
import { PhiguardError } from "../errors";
import type { SdkResourceClass } from "./source-positions";

/** The SDK range whose internals this file was verified against. */
export const TESTED_SDK_MAJOR = 3;
export const MIN_TESTED_SDK_MINOR = 200;

export interface Struct {
  toJavaScript(): Record<string, unknown>;
}

export interface PulumiSdk {
  readonly version: string;
  readonly root: string;
  readonly settings: {
    setMockOptions(monitor: unknown, project: string, stack: string, preview: boolean, organization?: string): void;
    waitForRPCs(): Promise<void>;
  };
  readonly state: {
    withLocalStorage<T>(callback: () => Promise<T>): Promise<T>;
    getStore(): SdkStore;
    LocalStore: new () => SdkStore;
  };
  readonly config: { setAllConfig(config: Record<string, string>, secretKeys: string[]): void };
  readonly stack: { runInPulumiStack(init: () => Promise<unknown>): Promise<unknown> };
  readonly log: { hasErrors(): boolean };
  readonly resource: { Resource: SdkResourceClass };
  readonly debuggable: { debuggablePromise: <T>(p: Promise<T>, ctx: unknown) => Promise<T>; readonly debugPromiseLeaks: boolean };
  readonly rpc: { deserializeProperties(struct: Struct): Record<string, unknown>; transferProperties: unknown };
  readonly output: { Output: new (resources: unknown, ...promises: Promise<unknown>[]) => unknown };
  readonly errors: { isGrpcError(error: unknown): boolean };
  readonly structFromJavaScript: (value: Record<string, unknown>) => Struct;
  readonly proto: {
    RegisterResourceResponse: new () => { setUrn(u: string): void; setId(i: string): void; setObject(s: Struct): void };
    ReadResourceResponse: new () => { setUrn(u: string): void; setProperties(s: Struct): void };
    InvokeResponse: new () => { setReturn(s: Struct): void };
    RegisterPackageResponse: new () => { setRef(r: string): void };
    CallResponse: new () => { setReturn(s: Struct): void };
  };
}

export interface SdkStore {
  settings: { engine?: unknown; options: { dryRun?: boolean } };
  leakCandidates: Set<unknown>;
  supportsSecrets: boolean;
  supportsResourceReferences: boolean;
  supportsOutputValues: boolean;
  supportsDeletedWith: boolean;
  supportsReplaceWith: boolean;
  supportsAliasSpecs: boolean;
  supportsTransforms: boolean;
  supportsParameterization: boolean;
  supportsResourceHooks: boolean;
  supportsErrorHooks: boolean;
}

const cache = new Map<string, PulumiSdk>();

/** Loads the `@pulumi/pulumi` that a program in `dir` would load. */
export function loadSdk(dir: string): PulumiSdk {
  const programRequire = createRequire(path.join(dir, "__phiguard__.js"));
  let entry: string;
  try {
    entry = programRequire.resolve("@pulumi/pulumi");
  } catch {
    throw new PhiguardError(`${dir}: @pulumi/pulumi is not installed for this program; run npm install in the project`);
  }
  const root = path.dirname(entry);
  const cached = cache.get(root);
  if (cached) return cached;
  const sdkRequire = createRequire(entry);
  const version = (sdkRequire("./package.json") as { version: string }).version;
  const [major, minor] = version.split(".").map(Number);
  if (major !== TESTED_SDK_MAJOR || (minor ?? 0) < MIN_TESTED_SDK_MINOR) {
    throw new PhiguardError(
      `${dir}: @pulumi/pulumi ${version} is not supported; phiguard plans programs on @pulumi/pulumi ${TESTED_SDK_MAJOR}.${MIN_TESTED_SDK_MINOR}+ (3.x)`,
    );
  }
  const struct = sdkRequire("google-protobuf/google/protobuf/struct_pb.js") as {
    Struct: { fromJavaScript(v: Record<string, unknown>): Struct };
  };
  const resproto = sdkRequire("./proto/resource_pb.js") as Record<string, unknown>;
  const provproto = sdkRequire("./proto/provider_pb.js") as Record<string, unknown>;
  const sdk: PulumiSdk = {
    version,
    root,
    settings: sdkRequire("./runtime/settings.js"),
    state: sdkRequire("./runtime/state.js"),
    config: sdkRequire("./runtime/config.js"),
    stack: sdkRequire("./runtime/stack.js"),
    log: sdkRequire("./log/index.js"),
    resource: sdkRequire("./resource.js"),
    debuggable: sdkRequire("./runtime/debuggable.js"),
    rpc: sdkRequire("./runtime/rpc.js"),
    output: sdkRequire("./output.js"),
    errors: sdkRequire("./errors.js"),
    structFromJavaScript: (v) => struct.Struct.fromJavaScript(v),
    proto: {
      RegisterResourceResponse: resproto.RegisterResourceResponse as PulumiSdk["proto"]["RegisterResourceResponse"],
      ReadResourceResponse: resproto.ReadResourceResponse as PulumiSdk["proto"]["ReadResourceResponse"],
      RegisterPackageResponse: resproto.RegisterPackageResponse as PulumiSdk["proto"]["RegisterPackageResponse"],
      InvokeResponse: provproto.InvokeResponse as PulumiSdk["proto"]["InvokeResponse"],
      CallResponse: provproto.CallResponse as PulumiSdk["proto"]["CallResponse"],
    },
  };
  assertShape(sdk, dir);
  cache.set(root, sdk);
  return sdk;
}

/** Fails loudly, naming the missing internal, when an SDK release moves what we drive. */
export function assertShape(sdk: PulumiSdk, dir: string): void {
  const required: [string, unknown][] = [
    ["runtime/settings.setMockOptions", sdk.settings.setMockOptions],
    ["runtime/settings.waitForRPCs", sdk.settings.waitForRPCs],
    ["runtime/state.withLocalStorage", sdk.state.withLocalStorage],
    ["runtime/state.getStore", sdk.state.getStore],
    ["runtime/state.LocalStore", sdk.state.LocalStore],
    ["runtime/config.setAllConfig", sdk.config.setAllConfig],
    ["runtime/stack.runInPulumiStack", sdk.stack.runInPulumiStack],
    ["log.hasErrors", sdk.log.hasErrors],
    ["runtime/debuggable.debuggablePromise", sdk.debuggable.debuggablePromise],
    ["resource.Resource.stackTrace", sdk.resource.Resource?.stackTrace],
    ["runtime/rpc.deserializeProperties", sdk.rpc.deserializeProperties],
    ["runtime/rpc.transferProperties", sdk.rpc.transferProperties],
    ["output.Output", sdk.output.Output],
    ["errors.isGrpcError", sdk.errors.isGrpcError],
    ["proto RegisterResourceResponse", sdk.proto.RegisterResourceResponse],
    ["proto ReadResourceResponse", sdk.proto.ReadResourceResponse],
    ["proto InvokeResponse", sdk.proto.InvokeResponse],
    ["proto RegisterPackageResponse", sdk.proto.RegisterPackageResponse],
  ];
  const missing = required.filter(([, value]) => typeof value !== "function").map(([name]) => name);
  if (!(sdk.resource.Resource?.framePositionRegExp instanceof RegExp)) missing.push("resource.Resource.framePositionRegExp");
  if (missing.length > 0) {
    throw new PhiguardError(
      `${dir}: @pulumi/pulumi ${sdk.version} moved SDK internals the planner drives (${missing.join(", ")}); pin @pulumi/pulumi to a tested version`,
    );
  }
}
