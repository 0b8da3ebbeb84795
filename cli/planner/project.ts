/**
 * Reads a Pulumi project the way the Pulumi CLI does: `Pulumi.yaml` (name, runtime, main, config
 * defaults) and `Pulumi.<stack>.yaml` (namespaced config, objects, `secure:` values).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { PhiguardError, messageOf } from "../errors";

export interface ProjectConfigEntry {
  /** The string the SDK receives (objects and arrays as JSON, like the CLI passes them). */
  readonly value: string;
  readonly secret: boolean;
}

export interface PulumiProject {
  readonly dir: string;
  readonly name: string;
  readonly runtime: string;
  /** Absolute path of the program's entry module. */
  readonly main: string;
  readonly stack: string;
  /** Namespaced keys (`aws:region`, `<project>:key`) in sorted order. */
  readonly config: ReadonlyMap<string, ProjectConfigEntry>;
  /** The stack file that was read, if any. */
  readonly stackFile?: string;
}

const runtimeSchema = z.union([
  z.string(),
  z.object({ name: z.string(), options: z.record(z.string(), z.unknown()).optional() }),
]);

const projectSchema = z.object({
  name: z.string().min(1),
  runtime: runtimeSchema,
  main: z.string().optional(),
  config: z.record(z.string(), z.unknown()).optional(),
});

const stackSchema = z
  .object({ config: z.record(z.string(), z.unknown()).nullish() })
  .passthrough()
  .nullish();

/** Placeholder handed to the program for `secure:` values: the real ones need the stack's key. */
export const OFFLINE_SECRET_PLACEHOLDER = "phiguard-offline-secret";

export function readProject(dir: string, stackName: string | undefined): PulumiProject {
  const projectFile = findProjectFile(dir);
  const project = parseFile(projectFile, projectSchema);
  const runtime = typeof project.runtime === "string" ? project.runtime : project.runtime.name;
  if (runtime !== "nodejs") {
    throw new PhiguardError(
      `${projectFile}: runtime: expected "nodejs", got "${runtime}"; phiguard plans Node.js (TypeScript/JavaScript) programs, use --plan for others`,
    );
  }
  const stack = stackName ?? defaultStack(dir, projectFile);
  const config = new Map<string, ProjectConfigEntry>();
  addProjectDefaults(config, project.name, project.config ?? {}, projectFile);
  const stackFile = path.join(dir, `Pulumi.${stack}.yaml`);
  const hasStackFile = fs.existsSync(stackFile);
  if (stackName !== undefined && !hasStackFile && !fs.existsSync(path.join(dir, `Pulumi.${stack}.yml`))) {
    throw new PhiguardError(`${stackFile}: not found; stack "${stack}" has no config file in ${dir}`);
  }
  if (hasStackFile) {
    const stackDoc = parseFile(stackFile, stackSchema);
    for (const [key, raw] of Object.entries(stackDoc?.config ?? {})) {
      config.set(namespaced(key, project.name), toConfigEntry(raw, `${stackFile}: config.${key}`));
    }
  }
  return {
    dir,
    name: project.name,
    runtime,
    main: resolveMain(dir, project.main, projectFile),
    stack,
    config: new Map([...config.entries()].sort(([a], [b]) => a.localeCompare(b))),
    ...(hasStackFile ? { stackFile } : {}),
  };
}

function findProjectFile(dir: string): string {
  for (const name of ["Pulumi.yaml", "Pulumi.yml"]) {
    const file = path.join(dir, name);
    if (fs.existsSync(file)) return file;
  }
  throw new PhiguardError(`${path.join(dir, "Pulumi.yaml")}: not found; pass the directory of a Pulumi project`);
}

function parseFile<T>(file: string, schema: z.ZodType<T>): T {
  let doc: unknown;
  try {
    doc = parseYaml(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new PhiguardError(`${file}: not valid YAML: ${messageOf(error)}`);
  }
  const result = schema.safeParse(doc);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join(".") : "(document)";
    throw new PhiguardError(`${file}: ${where}: ${issue?.message ?? "invalid"}`);
  }
  return result.data;
}

/** With no --stack, use the only stack file present, as a user would expect. */
function defaultStack(dir: string, projectFile: string): string {
  const stacks = fs
    .readdirSync(dir)
    .map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined)
    .sort();
  if (stacks.length === 1) return stacks[0] as string;
  if (stacks.length === 0) return "dev";
  throw new PhiguardError(`${projectFile}: several stacks (${stacks.join(", ")}); choose one with --stack`);
}

function namespaced(key: string, project: string): string {
  return key.includes(":") ? key : `${project}:${key}`;
}

function toConfigEntry(raw: unknown, where: string): ProjectConfigEntry {
  if (raw !== null && typeof raw === "object" && !Array.isArray(raw)) {
    const keys = Object.keys(raw);
    if (keys.length === 1 && keys[0] === "secure") {
      if (typeof (raw as { secure: unknown }).secure !== "string") {
        throw new PhiguardError(`${where}.secure: expected the encrypted string written by \`pulumi config set --secret\``);
      }
      return { value: OFFLINE_SECRET_PLACEHOLDER, secret: true };
    }
    return { value: JSON.stringify(raw), secret: containsSecure(raw) };
  }
  if (Array.isArray(raw)) return { value: JSON.stringify(raw), secret: containsSecure(raw) };
  if (raw === null || raw === undefined) return { value: "", secret: false };
  return { value: String(raw), secret: false };
}

function containsSecure(value: unknown): boolean {
  if (value === null || typeof value !== "object") return false;
  if (!Array.isArray(value) && Object.keys(value).length === 1 && "secure" in value) return true;
  return Object.values(value).some(containsSecure);
}

/** Project-level config: `key: value` or `key: { default: value, ... }` (typed declarations). */
function addProjectDefaults(
  config: Map<string, ProjectConfigEntry>,
  project: string,
  declared: Record<string, unknown>,
  projectFile: string,
): void {
  for (const [key, decl] of Object.entries(declared)) {
    const isDeclaration = decl !== null && typeof decl === "object" && !Array.isArray(decl) && ("default" in decl || "type" in decl);
    const value = isDeclaration ? (decl as { default?: unknown }).default : decl;
    if (value === undefined) continue;
    config.set(namespaced(key, project), toConfigEntry(value, `${projectFile}: config.${key}`));
  }
}

function resolveMain(dir: string, main: string | undefined, projectFile: string): string {
  const base = path.resolve(dir, main ?? ".");
  const candidates = fs.existsSync(base) && fs.statSync(base).isDirectory()
    ? [packageMain(base), "index.ts", "index.js"].filter((c): c is string => c !== undefined).map((c) => path.join(base, c))
    : [base, `${base}.ts`, `${base}.js`];
  const found = candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
  if (!found) {
    throw new PhiguardError(`${projectFile}: main: no program found at ${base} (looked for index.ts, index.js or package.json "main")`);
  }
  return found;
}

function packageMain(dir: string): string | undefined {
  const pkg = path.join(dir, "package.json");
  if (!fs.existsSync(pkg)) return undefined;
  try {
    const main = (JSON.parse(fs.readFileSync(pkg, "utf8")) as { main?: unknown }).main;
    return typeof main === "string" ? main : undefined;
  } catch {
    return undefined;
  }
}
