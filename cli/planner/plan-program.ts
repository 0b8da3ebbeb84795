/**
 * The planner: runs a Pulumi program in-process under the SDK's mock runtime, with preview
 * semantics, and returns the Plan it would deploy. No Pulumi CLI, no cloud credentials.
 */
import { createRequire } from "node:module";
import * as path from "node:path";
import { PLAN_SCHEMA_VERSION, SECRET, type Plan, type PlanDiagnostic, type PlanValue } from "../plan";
import { PhiguardError, messageOf } from "../errors";
import { readProject, type PulumiProject } from "./project";
import { installTypeScriptLoader } from "./typescript";
import { loadSdk, type PulumiSdk, type SdkStore } from "./sdk";
import { RecordingMonitor } from "./monitor";
import { DEFAULT_ACCOUNT_ID, InvokeTable } from "./invokes";
import { purgeProgramModules } from "./program-modules";
import { captureConsole } from "./console-capture";
import { OfflineEngine } from "./offline-engine";
import { useLazyOutputs } from "./lazy-outputs";
import { unsettledPromises, useLeanPromises } from "./lean-promises";
import { withFreshStore } from "./runtime-store";
import { fullStackTraces, useShallowSourcePositions } from "./source-positions";
import { collectPlanGarbage } from "./heap";

export interface PlanOptions {
  /** The Pulumi project directory (holds Pulumi.yaml). */
  readonly dir: string;
  /** Stack name; defaults to the only `Pulumi.<stack>.yaml` present. */
  readonly stack?: string;
  /** @default 60000 ms: a program still running then is reported as hung. */
  readonly timeoutMs?: number;
  /** Invoke answers by token, overriding the built-in table (phiguard.yaml `invokes`). */
  readonly invokes?: Record<string, Record<string, unknown>>;
  /** @default 123456789012 */
  readonly accountId?: string;
  readonly stackTags?: Record<string, string>;
  /** Extra config (namespaced keys), applied over the stack file; used by tests and `--config`. */
  readonly config?: Record<string, string>;
}

export const DEFAULT_TIMEOUT_MS = 60_000;

export async function planProgram(options: PlanOptions): Promise<Plan> {
  const project = readProject(path.resolve(options.dir), options.stack);
  if (fullStackTraces()) process.setSourceMapsEnabled(true);
  installTypeScriptLoader();
  const sdk = loadSdk(project.dir);
  useLeanPromises(sdk);
  useLazyOutputs(sdk);
  useShallowSourcePositions(sdk.resource.Resource);
  const config = new Map(project.config);
  for (const [key, value] of Object.entries(options.config ?? {})) config.set(key, { value, secret: false });
  const stackRegion = config.get("aws:region")?.value;
  const monitor = new RecordingMonitor({
    sdk,
    project: project.name,
    stack: project.stack,
    stackRegion,
    accountId: options.accountId ?? DEFAULT_ACCOUNT_ID,
    invokes: new InvokeTable(options.invokes),
  });
  const diagnostics: PlanDiagnostic[] = [];
  purgeProgramModules(project.dir);
  const restoreConsole = captureConsole(diagnostics);
  try {
    await withFreshStore(sdk, (abandon) =>
      withTimeout(runProgram(sdk, project, monitor, config, diagnostics), options.timeoutMs ?? DEFAULT_TIMEOUT_MS, project, abandon),
    );
  } finally {
    restoreConsole();
  }
  collectPlanGarbage();
  const planConfig: Record<string, PlanValue> = {};
  for (const [key, entry] of config) planConfig[key] = entry.secret ? SECRET : entry.value;
  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    source: "program",
    project: project.name,
    stack: project.stack,
    config: planConfig,
    stackTags: { ...(options.stackTags ?? {}) },
    resources: monitor.resources,
    diagnostics,
  };
}

async function runProgram(
  sdk: PulumiSdk,
  project: PulumiProject,
  monitor: RecordingMonitor,
  config: ReadonlyMap<string, { value: string; secret: boolean }>,
  diagnostics: PlanDiagnostic[],
): Promise<void> {
  sdk.settings.setMockOptions(monitor, project.name, project.stack, true);
  const store = sdk.state.getStore();
  enableMonitorFeatures(store);
  store.settings.engine = new OfflineEngine(diagnostics);
  const values: Record<string, string> = {};
  const secretKeys: string[] = [];
  for (const [key, entry] of config) {
    values[key] = entry.value;
    if (entry.secret) secretKeys.push(key);
  }
  sdk.config.setAllConfig(values, secretKeys);
  // The program's own failure is caught inside the stack's init, as the Node.js language host
  // does, so the SDK's stack resource settles instead of leaving rejected promises behind. A
  // failure elsewhere (inside an `apply`, a registration) ends the run at once: the SDK would
  // otherwise wait forever for the registration that failed.
  let programFailure: { error: unknown } | undefined;
  let failNow: (error: unknown) => void = () => undefined;
  const strayFailure = new Promise<void>((resolve) => {
    failNow = (error) => {
      programFailure ??= { error };
      resolve();
    };
  });
  const stopListening = listenForStrayFailures((error) => failNow(error));
  try {
    const run = (async () => {
      await sdk.stack.runInPulumiStack(async () => {
        try {
          return await runMain(project.main);
        } catch (error) {
          programFailure ??= { error };
          return undefined;
        }
      });
      await sdk.settings.waitForRPCs();
    })();
    run.catch(() => undefined);
    await Promise.race([run, strayFailure]);
    // A registration that failed inside an `apply` is reported as an unhandled rejection only
    // after the SDK considers the run drained: give it that turn before judging the run.
    await nextTurn();
  } catch (error) {
    programFailure ??= { error };
  } finally {
    // A failed program's other promises reject over the next few ticks: absorb them here, so
    // they are not mistaken for a failure of the next plan run in this process.
    if (programFailure || monitor.invokeError) await settleStragglers();
    stopListening();
  }
  if (programFailure) throw programError(project, monitor, programFailure.error);
  if (monitor.invokeError) throw programError(project, monitor, monitor.invokeError);
  if (sdk.log.hasErrors()) {
    const logged = diagnostics.filter((d) => d.severity === "warning").map((d) => d.message);
    throw new PhiguardError(`${relativeMain(project)}: program reported errors: ${logged.join("; ") || "see its log"}`);
  }
  const unsettled = unsettledPromises(store);
  if (unsettled > 0) {
    throw new PhiguardError(
      `${relativeMain(project)}: program left ${unsettled} promise(s) unresolved (a missing await, or a cycle between resources)`,
    );
  }
}

/** Runs the program's entry module the way the Pulumi Node.js language host does. */
async function runMain(main: string): Promise<unknown> {
  const programRequire = createRequire(main);
  const exported: unknown = programRequire(main);
  const fn =
    typeof exported === "function"
      ? exported
      : exported && typeof (exported as { default?: unknown }).default === "function"
        ? (exported as { default: () => unknown }).default
        : undefined;
  if (fn) return await (fn as () => unknown)();
  return exported;
}

/**
 * Errors thrown inside `apply` callbacks or resource registrations surface as unhandled
 * rejections (the Pulumi language host treats them as program failures too).
 */
function listenForStrayFailures(onFailure: (error: unknown) => void): () => void {
  const listener = (error: unknown): void => onFailure(error);
  process.on("unhandledRejection", listener);
  process.on("uncaughtException", listener);
  return () => {
    process.off("unhandledRejection", listener);
    process.off("uncaughtException", listener);
  };
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function settleStragglers(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 20));
}

function enableMonitorFeatures(store: SdkStore): void {
  store.supportsSecrets = true;
  store.supportsResourceReferences = true;
  store.supportsOutputValues = false;
  store.supportsDeletedWith = true;
  store.supportsReplaceWith = true;
  store.supportsAliasSpecs = true;
  store.supportsTransforms = false;
  store.supportsParameterization = true;
  store.supportsResourceHooks = true;
  store.supportsErrorHooks = true;
}

function programError(project: PulumiProject, monitor: RecordingMonitor, error: unknown): PhiguardError {
  if (monitor.invokeError) return new PhiguardError(messageOf(monitor.invokeError), { cause: error });
  if (error instanceof PhiguardError) return error;
  return new PhiguardError(`${relativeMain(project)}: program failed: ${messageOf(error)}`, { cause: error });
}

function relativeMain(project: PulumiProject): string {
  return path.relative(process.cwd(), project.main) || project.main;
}

/**
 * The timer stays referenced: a program waiting on nothing must not let the process exit quietly.
 * At the timeout the program is abandoned, still running.
 */
async function withTimeout<T>(work: Promise<T>, timeoutMs: number, project: PulumiProject, abandon: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abandon();
      reject(
        new PhiguardError(
          `${relativeMain(project)}: program did not finish within ${Math.round(timeoutMs / 1000)} s (a promise that never settles?); raise it with --timeout`,
        ),
      );
    }, timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
