/**
 * The resource monitor the planner hands to the SDK in place of the Pulumi engine. It records
 * every registration with its full graph and answers like a provider during `pulumi preview`:
 * a resource's outputs are its inputs, and everything else (ids, ARNs, ...) stays unknown.
 */
import { createHash } from "node:crypto";
import { DEFAULT_OPTIONS, type PlannedResource, type PlanValue, type Props, type ResourceOptions } from "../plan";
import { messageOf } from "../errors";
import type { PulumiSdk, Struct } from "./sdk";
import { fromWire } from "./wire-values";
import type { InvokeTable } from "./invokes";

type Callback<T> = (err: Error | null, resp?: T) => void;

/** The getters of pulumirpc.RegisterResourceRequest the planner reads. */
interface RegisterResourceRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getCustom(): boolean;
  getRemote(): boolean;
  getObject(): Struct | undefined;
  getProvider(): string;
  getProvidersMap(): { toObject(): [string, string][] };
  getDependenciesList(): string[];
  getPropertydependenciesMap(): { forEach(fn: (value: { getUrnsList(): string[] }, key: string) => void): void };
  getProtect(): boolean | undefined;
  getIgnorechangesList(): string[];
  getDeletebeforereplacedefined(): boolean;
  getDeletebeforereplace(): boolean;
  getAliasurnsList(): string[];
  getAliasesList(): { getUrn(): string }[];
  getAdditionalsecretoutputsList(): string[];
  getCustomtimeouts(): { getCreate(): string; getUpdate(): string; getDelete(): string } | undefined;
  getRetainondelete(): boolean | undefined;
  getDeletedwith(): string;
  getReplaceonchangesList(): string[];
  getSourceposition(): { getUri(): string; getLine(): number; getColumn(): number } | undefined;
}

interface ReadResourceRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getProperties(): Struct | undefined;
}

interface InvokeRequest {
  getTok(): string;
  getArgs(): Struct | undefined;
  getProvider(): string;
}

export interface MonitorContext {
  readonly sdk: PulumiSdk;
  readonly project: string;
  readonly stack: string;
  readonly stackRegion: string | undefined;
  readonly accountId: string;
  readonly invokes: InvokeTable;
}

const STACK_TYPE = "pulumi:pulumi:Stack";

export class RecordingMonitor {
  readonly resources: PlannedResource[] = [];
  /** The first invoke that had no answer: reported as the plan's error, naming its token. */
  invokeError: Error | undefined;
  private readonly byUrn = new Map<string, PlannedResource>();

  constructor(private readonly ctx: MonitorContext) {}

  registerResource(req: RegisterResourceRequest, callback: Callback<unknown>): void {
    try {
      const type = req.getType();
      const parent = req.getParent() || undefined;
      const urn = this.urnFor(type, req.getName(), parent);
      const struct = kubernetesAutoname(this.ctx.sdk, type, req.getCustom(), urn, req.getObject());
      const props = this.toProps(struct);
      const provider = providerUrn(req.getProvider());
      const resource: PlannedResource = {
        urn,
        type,
        name: req.getName(),
        custom: req.getCustom(),
        ...(req.getRemote() ? { remote: true } : {}),
        ...(parent ? { parent } : {}),
        ...(provider ? { provider } : {}),
        dependencies: [...new Set(req.getDependenciesList())],
        propertyDependencies: propertyDependencies(req),
        props,
        options: options(req),
        ...regionOf(type, props, provider ? this.byUrn.get(provider) : undefined, this.ctx.stackRegion),
        ...sourceOf(req),
      };
      this.resources.push(resource);
      this.byUrn.set(urn, resource);
      const response = new this.ctx.sdk.proto.RegisterResourceResponse();
      response.setUrn(urn);
      response.setId("");
      if (struct) response.setObject(struct);
      callback(null, response);
    } catch (error) {
      callback(error as Error);
    }
  }

  readResource(req: ReadResourceRequest, callback: Callback<unknown>): void {
    try {
      const response = new this.ctx.sdk.proto.ReadResourceResponse();
      response.setUrn(this.urnFor(req.getType(), req.getName(), req.getParent() || undefined));
      const props = req.getProperties();
      if (props) response.setProperties(props);
      callback(null, response);
    } catch (error) {
      callback(error as Error);
    }
  }

  invoke(req: InvokeRequest, callback: Callback<unknown>): void {
    const token = req.getTok();
    try {
      const args = req.getArgs() ? this.ctx.sdk.rpc.deserializeProperties(req.getArgs() as Struct) : {};
      const result =
        token === "pulumi:pulumi:getResource" ? this.getResource(String(args.urn)) : this.answerInvoke(token, args, req.getProvider());
      const response = new this.ctx.sdk.proto.InvokeResponse();
      response.setReturn(this.ctx.sdk.structFromJavaScript(result));
      callback(null, response);
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(messageOf(error));
      this.invokeError ??= failure;
      callback(failure);
    }
  }

  /** Methods of (remote) components: their results are unknown until deploy, as in a preview. */
  call(_req: unknown, callback: Callback<unknown>): void {
    const response = new this.ctx.sdk.proto.CallResponse();
    response.setReturn(this.ctx.sdk.structFromJavaScript({}));
    callback(null, response);
  }

  registerResourceOutputs(_req: unknown, callback: Callback<unknown>): void {
    callback(null, {});
  }

  supportsFeature(req: { getId(): string }, callback: Callback<{ getHassupport(): boolean }>): void {
    const supported = req.getId() !== "outputValues";
    callback(null, { getHassupport: () => supported });
  }

  registerPackage(_req: unknown, callback: Callback<unknown>): void {
    const response = new this.ctx.sdk.proto.RegisterPackageResponse();
    response.setRef("phiguard-offline-package");
    callback(null, response);
  }

  registerStackTransform(_req: unknown, callback: Callback<unknown>): void {
    callback(null, {});
  }

  registerStackInvokeTransform(_req: unknown, callback: Callback<unknown>): void {
    callback(null, {});
  }

  registerResourceHook(_req: unknown, callback: Callback<unknown>): void {
    callback(null, {});
  }

  registerErrorHook(_req: unknown, callback: Callback<unknown>): void {
    callback(null, {});
  }

  signalAndWaitForShutdown(_req: unknown, callback: Callback<unknown>): void {
    callback(null, {});
  }

  close(): void {}

  private answerInvoke(token: string, args: Record<string, unknown>, providerRef: string): Record<string, unknown> {
    const provider = providerUrn(providerRef);
    const providerRegion = provider ? this.byUrn.get(provider)?.props.region : undefined;
    const region =
      typeof args.region === "string" ? args.region : typeof providerRegion === "string" ? providerRegion : this.ctx.stackRegion;
    return this.ctx.invokes.answer(token, args, { region, accountId: this.ctx.accountId });
  }

  private getResource(urn: string): Record<string, unknown> {
    const resource = this.byUrn.get(urn);
    if (!resource) throw new Error(`unknown resource ${urn}`);
    return { urn, id: "", state: {} };
  }

  private toProps(struct: Struct | undefined): Props {
    if (!struct) return {};
    const value = fromWire(struct.toJavaScript());
    return value as Props;
  }

  /** URNs exactly as the engine builds them: a child's type is qualified by its parent's. */
  private urnFor(type: string, name: string, parent: string | undefined): string {
    let qualified = type;
    if (parent) {
      const parentType = parent.split("::")[2] ?? "";
      if (parentType !== STACK_TYPE) qualified = `${parentType}$${type}`;
    }
    return `urn:pulumi:${this.ctx.stack}::${this.ctx.project}::${qualified}::${name}`;
  }
}

/**
 * The Kubernetes provider names an object whose `metadata.name` is left out (`<name>-<8 chars>`)
 * when it checks inputs, so in a real preview the name is known. Do the same, with a suffix
 * derived from the URN so plans stay deterministic.
 */
function kubernetesAutoname(sdk: PulumiSdk, type: string, custom: boolean, urn: string, struct: Struct | undefined): Struct | undefined {
  if (!custom || !type.startsWith("kubernetes:") || !struct) return struct;
  const inputs = struct.toJavaScript();
  const metadata = inputs.metadata;
  if (metadata === null || typeof metadata !== "object" || Array.isArray(metadata)) return struct;
  const meta = metadata as Record<string, unknown>;
  if (meta.name !== undefined || meta.generateName !== undefined) return struct;
  const resourceName = urn.slice(urn.lastIndexOf("::") + 2);
  const suffix = createHash("sha256").update(urn).digest("hex").slice(0, 8);
  return sdk.structFromJavaScript({ ...inputs, metadata: { ...meta, name: `${resourceName}-${suffix}` } });
}

/** A provider reference is `<urn>::<id>`; the URN itself contains `::`. */
export function providerUrn(ref: string | undefined): string | undefined {
  if (!ref) return undefined;
  const cut = ref.lastIndexOf("::");
  return cut > 0 ? ref.slice(0, cut) : ref;
}

function propertyDependencies(req: RegisterResourceRequest): Record<string, string[]> {
  const entries: [string, string[]][] = [];
  req.getPropertydependenciesMap().forEach((value, key) => {
    entries.push([key, [...new Set(value.getUrnsList())]]);
  });
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}

function options(req: RegisterResourceRequest): ResourceOptions {
  const timeouts = req.getCustomtimeouts();
  const aliases = [...req.getAliasurnsList(), ...req.getAliasesList().map((a) => a.getUrn()).filter((u) => u)];
  return {
    ...DEFAULT_OPTIONS,
    protect: req.getProtect() === true,
    ignoreChanges: req.getIgnorechangesList(),
    aliases,
    additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
    ...(req.getDeletebeforereplacedefined() ? { deleteBeforeReplace: req.getDeletebeforereplace() } : {}),
    ...(timeouts && (timeouts.getCreate() || timeouts.getUpdate() || timeouts.getDelete())
      ? {
          customTimeouts: {
            ...(timeouts.getCreate() ? { create: timeouts.getCreate() } : {}),
            ...(timeouts.getUpdate() ? { update: timeouts.getUpdate() } : {}),
            ...(timeouts.getDelete() ? { delete: timeouts.getDelete() } : {}),
          },
        }
      : {}),
    ...(req.getRetainondelete() === true ? { retainOnDelete: true } : {}),
    ...(req.getDeletedwith() ? { deletedWith: req.getDeletedwith() } : {}),
    ...(req.getReplaceonchangesList().length > 0 ? { replaceOnChanges: req.getReplaceonchangesList() } : {}),
  };
}

/** AWS resources land in their own `region`, else their provider's, else the stack's. */
function regionOf(
  type: string,
  props: Props,
  provider: PlannedResource | undefined,
  stackRegion: string | undefined,
): { region?: string } {
  if (!type.startsWith("aws:") && type !== "pulumi:providers:aws") return {};
  const own: PlanValue | undefined = props.region;
  if (typeof own === "string") return { region: own };
  const fromProvider = provider?.props.region;
  if (typeof fromProvider === "string") return { region: fromProvider };
  return stackRegion ? { region: stackRegion } : {};
}

function sourceOf(req: RegisterResourceRequest): Pick<PlannedResource, "source"> {
  const pos = req.getSourceposition();
  if (!pos || !pos.getUri()) return {};
  const uri = pos.getUri();
  const file = uri.startsWith("file://") ? decodeURIComponent(uri.slice("file://".length)) : uri;
  return { source: { file, line: pos.getLine(), column: pos.getColumn() } };
}
