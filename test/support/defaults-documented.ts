/**
 * Reads component sources with the TypeScript compiler to check that every optional input
 * documents its default: a `@default` tag and, besides it, a description of what the input does.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";

/** Names of the input interfaces (`*Args`, `*Options`, `*Input`, `*Access`), not output shapes. */
export const INPUT_INTERFACES = /(Args|Options|Input|Access)$/;

/** The `.ts` sources of `dir` (not its tests, nor the files named in `except`), as paths. */
export function sourceFilesOf(dir: string, except: readonly string[] = []): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !except.includes(f))
    .map((f) => path.join(dir, f));
}

/**
 * Every optional property of the exported interfaces in `files` whose name matches `interfaces`
 * (every exported interface by default) without a described `@default`, as `file: Interface.property`.
 */
export function undocumentedDefaults(files: readonly string[], interfaces: RegExp = /(?:)/): string[] {
  const missing: string[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
    source.forEachChild((node) => {
      if (!ts.isInterfaceDeclaration(node) || !node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return;
      if (!interfaces.test(node.name.text)) return;
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
