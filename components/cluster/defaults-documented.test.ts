import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";
import { expect, test } from "vitest";

/** Every optional property of the exported input interfaces in `files` without a described `@default`. */
function undocumentedDefaults(files: readonly string[]): string[] {
  const missing: string[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
    source.forEachChild((node) => {
      if (!ts.isInterfaceDeclaration(node) || !node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return;
      for (const member of node.members) {
        if (!ts.isPropertySignature(member) || !member.questionToken) continue;
        const tags = ts.getJSDocTags(member).map((t) => t.tagName.text);
        const doc = ts.getJSDocCommentsAndTags(member).map((d) => d.getText()).join("\n");
        if (!tags.includes("default") || !/\S/.test(doc.replace(/@default[^\n]*/, "").replace(/[/*\s]/g, ""))) {
          missing.push(`${path.basename(file)}: ${node.name.text}.${member.name.getText(source)}`);
        }
      }
    });
  }
  return missing;
}

test("every optional input of the cluster components documents its default and what it does", () => {
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "test-programs.ts")
    .map((f) => path.join(__dirname, f));
  expect(undocumentedDefaults(files)).toEqual([]);
});
