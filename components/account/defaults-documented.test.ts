import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";
import { expect, test } from "vitest";

/** Every optional property of the exported input interfaces (`*Args`) in `dir` without a described `@default`. */
function undocumentedDefaults(dir: string): string[] {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts")).map((f) => path.join(dir, f));
  const missing: string[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
    source.forEachChild((node) => {
      if (!ts.isInterfaceDeclaration(node) || !node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return;
      if (!/(Args|Cluster)$/.test(node.name.text)) return;
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

test("every optional input of the account and monitoring components documents its default and what it does", () => {
  expect(undocumentedDefaults(__dirname)).toEqual([]);
  expect(undocumentedDefaults(path.join(__dirname, "..", "monitoring"))).toEqual([]);
});
