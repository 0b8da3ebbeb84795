import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { isPhiguardError } from "../errors";
import { loadPlanFile, loadPreviewJson, loadStackExport, type PlanFileFormat } from "./index";

const fixtures = join(__dirname, "fixtures");
const scratch = mkdtempSync(join(tmpdir(), "phiguard-loaders-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function write(name: string, content: unknown): string {
  const file = join(scratch, name);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

function errorOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(isPhiguardError(error)).toBe(true);
    return (error as Error).message;
  }
  throw new Error("expected a PhiguardError");
}

describe("loadPlanFile", () => {
  test("reads a preview and a stack export as their loaders do, naming the path it was given", () => {
    const previewFile = join(fixtures, "preview.json");
    const stateFile = join(fixtures, "stack-export.json");
    expect(loadPlanFile(previewFile, "preview")).toStrictEqual(loadPreviewJson(readFileSync(previewFile, "utf8"), previewFile));
    expect(loadPlanFile(stateFile, "state")).toStrictEqual(loadStackExport(readFileSync(stateFile, "utf8"), stateFile));
  });

  test("a plan that phiguard wrote reads back unchanged", () => {
    for (const [fixture, from] of [
      ["preview.json", "preview"],
      ["stack-export.json", "state"],
    ] as const) {
      const plan = loadPlanFile(join(fixtures, fixture), from);
      expect(loadPlanFile(write(`${from}-plan.json`, plan), "plan")).toStrictEqual(plan);
    }
  });

  test("a plan of another schema version, or no plan at all", () => {
    const plan = loadPlanFile(join(fixtures, "preview.json"), "preview");
    const newer = write("newer.json", { ...plan, schemaVersion: 2 });
    expect(errorOf(() => loadPlanFile(newer, "plan"))).toBe(
      `${newer}: schemaVersion: this plan has schema version 2, this phiguard reads version 1; write the plan again with this phiguard`,
    );
    const stackExport = join(fixtures, "stack-export.json");
    expect(errorOf(() => loadPlanFile(stackExport, "plan"))).toBe(
      `${stackExport}: schemaVersion: missing: not a phiguard plan (expected schemaVersion 1)`,
    );
  });

  test("a plan with a broken field", () => {
    const plan = loadPlanFile(join(fixtures, "preview.json"), "preview");
    const broken = write("broken.json", { ...plan, resources: [plan.resources[0], { ...plan.resources[1], dependencies: "none" }] });
    expect(errorOf(() => loadPlanFile(broken, "plan"))).toBe(`${broken}: resources[1].dependencies: expected an array, got string`);
  });

  test("a missing file, a directory, an unknown format", () => {
    const missing = join(scratch, "nope.json");
    expect(errorOf(() => loadPlanFile(missing, "preview"))).toBe(`${missing}: no such file`);
    expect(errorOf(() => loadPlanFile(scratch, "state"))).toBe(`${scratch}: is a directory, expected a JSON file`);
    const file = join(fixtures, "preview.json");
    expect(errorOf(() => loadPlanFile(file, "yaml" as PlanFileFormat))).toBe(`${file}: unknown input format "yaml", expected preview, state or plan`);
  });

  test("an empty file", () => {
    const empty = write("empty.json", "\n");
    expect(errorOf(() => loadPlanFile(empty, "state"))).toBe(`${empty}: empty file, expected a JSON document`);
  });
});

describe("loadPlanFile without a format", () => {
  test("detects a preview, a stack export and a phiguard plan from the content", () => {
    const preview = join(fixtures, "preview.json");
    const state = join(fixtures, "stack-export.json");
    expect(loadPlanFile(preview)).toStrictEqual(loadPlanFile(preview, "preview"));
    expect(loadPlanFile(state)).toStrictEqual(loadPlanFile(state, "state"));
    const planFile = write("detected-plan.json", loadPlanFile(preview, "preview"));
    expect(loadPlanFile(planFile)).toStrictEqual(loadPlanFile(planFile, "plan"));
  });
});
