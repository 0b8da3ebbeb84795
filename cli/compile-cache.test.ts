import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, expect, test } from "vitest";
import { REPO_ROOT } from "../test/support/plan";

/** A module tree that exercises what Node's CommonJS wrapper provides, run with the cache on or off. */
const root = fs.mkdtempSync(path.join(os.tmpdir(), "phiguard-compile-cache-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const files: Record<string, string> = {
  "node_modules/esm-dep/package.json": JSON.stringify({ name: "esm-dep", type: "module", exports: "./index.js" }),
  "node_modules/esm-dep/index.js": "export const answer = 42;\n",
  "lib/helper.js": "exports.where = () => [__filename, __dirname, typeof require.resolve.paths, require.main === undefined];\n",
  "lib/thrower.js": "module.exports = function thrower() {\n  throw new Error('from line 2');\n};\n",
  "tool.js": "#!/usr/bin/env node\nmodule.exports = 'hashbang';\n",
  "lib/dynamic.js": "module.exports = () => import('node:path');\n",
  "main.js": `
const helper = require("./lib/helper");
const results = {
  where: helper.where().map((v) => (typeof v === "string" ? v.replace(${JSON.stringify(root)}, "<root>") : v)),
  resolved: require.resolve("./lib/helper").replace(${JSON.stringify(root)}, "<root>"),
  parent: require.cache[require.resolve("./lib/helper")].parent === module,
  esm: require("esm-dep").answer,
  hashbang: require("./tool"),
  thisIsExports: this === module.exports,
};
try { require("./lib/thrower")(); } catch (e) { results.frame = e.stack.split("\\n")[1].replace(${JSON.stringify(root)}, "<root>"); }
require("./lib/dynamic")().then((p) => { results.dynamicImport = typeof p.join; console.log(JSON.stringify(results)); });
`,
};
for (const [file, text] of Object.entries(files)) {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
}

function run(cache: boolean): { out: string; err: string } {
  const script = `require(${JSON.stringify(path.join(REPO_ROOT, "dist/cli/compile-cache.js"))}).enableCompileCache(${JSON.stringify(root)}); require(${JSON.stringify(path.join(root, "main.js"))});`;
  const result = spawnSync(process.execPath, ["-e", script], {
    encoding: "utf8",
    env: { ...process.env, PHIGUARD_NO_COMPILE_CACHE: cache ? "" : "1" },
  });
  expect(result.status, result.stderr).toBe(0);
  return { out: result.stdout.trim(), err: result.stderr };
}

const cacheDir = () => path.join(root, "node_modules", ".cache", "phiguard", `v8-${process.version}-${process.arch}`);

test("modules compiled through the code cache behave as Node compiles them, cold and warm", () => {
  const plain = run(false);
  expect(fs.existsSync(cacheDir())).toBe(false);
  const cold = run(true);
  const entries = fs.readdirSync(cacheDir());
  // main, helper, thrower: the ES module, the hashbang file and the one with import() are Node's own.
  expect(entries).toHaveLength(3);
  const warm = run(true);
  expect(cold.out).toBe(plain.out);
  expect(warm.out).toBe(plain.out);
  expect(warm.err).toBe("");
  expect(JSON.parse(plain.out)).toMatchObject({
    where: ["<root>/lib/helper.js", "<root>/lib", "function", true],
    parent: true,
    esm: 42,
    hashbang: "hashbang",
    thisIsExports: true,
    dynamicImport: "function",
    frame: expect.stringContaining("<root>/lib/thrower.js:2:9"),
  });
  expect(fs.statSync(cacheDir()).mode & 0o077).toBe(0);
});

test("a cache entry that does not match is rejected by V8 and the module compiles afresh", () => {
  run(true);
  for (const entry of fs.readdirSync(cacheDir())) fs.writeFileSync(path.join(cacheDir(), entry), "not a code cache");
  expect(run(true).out).toBe(run(false).out);
});

test("installed as a dependency, the cache goes to the project's node_modules", () => {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), "phiguard-installed-"));
  try {
    const installed = path.join(project, "node_modules", "phiguard");
    fs.mkdirSync(installed, { recursive: true });
    fs.writeFileSync(path.join(project, "main.js"), "module.exports = 1;\n");
    const script = `require(${JSON.stringify(path.join(REPO_ROOT, "dist/cli/compile-cache.js"))}).enableCompileCache(${JSON.stringify(installed)}); require(${JSON.stringify(path.join(project, "main.js"))});`;
    const result = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", env: { ...process.env, PHIGUARD_NO_COMPILE_CACHE: "" } });
    expect(result.status, result.stderr).toBe(0);
    expect(fs.readdirSync(path.join(project, "node_modules", ".cache", "phiguard", `v8-${process.version}-${process.arch}`))).toHaveLength(1);
  } finally {
    fs.rmSync(project, { recursive: true, force: true });
  }
});

test("a run that changes a V8 flag writes no entry, since no later run would accept it", () => {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), "phiguard-flags-"));
  try {
    fs.mkdirSync(path.join(project, "node_modules"));
    fs.writeFileSync(path.join(project, "main.js"), "require('node:v8').setFlagsFromString('--expose-gc');\n");
    const script = `require(${JSON.stringify(path.join(REPO_ROOT, "dist/cli/compile-cache.js"))}).enableCompileCache(${JSON.stringify(project)}); require(${JSON.stringify(path.join(project, "main.js"))});`;
    const result = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", env: { ...process.env, PHIGUARD_NO_COMPILE_CACHE: "" } });
    expect(result.status, result.stderr).toBe(0);
    const dir = path.join(project, "node_modules", ".cache", "phiguard", `v8-${process.version}-${process.arch}`);
    expect(fs.readdirSync(dir)).toEqual([]);
  } finally {
    fs.rmSync(project, { recursive: true, force: true });
  }
});
