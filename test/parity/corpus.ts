/**
 * The parity corpus: the Pulumi programs the rule and component tests plan, reused as they are.
 * Programs exported by a module are imported; a program held in a test file's `const PROGRAM`
 * (not exported, and importing a test file would run its tests) is read from the file's source
 * with the TypeScript parser and rebuilt from its string parts.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";
import { CONFIG as CLUSTER_CONFIG, FULL_PROGRAM } from "../../components/cluster/test-programs";
import { EKS_PROGRAM } from "../../policies/hipaa/rules/eks/tests/eks-program";
import { AWS_PRELUDE, K8S_PRELUDE } from "../../policies/hipaa/rules/kubernetes/tests/helpers";
import { POD_SPEC_PROGRAM } from "../../policies/hipaa/rules/kubernetes/tests/pod-spec-program";
import { HEADER } from "../../policies/hipaa/rules/aws/tests/support";
import { REPO_ROOT } from "../support/plan";

export interface CorpusProgram {
  /** Where it comes from, for messages. */
  readonly name: string;
  readonly source: string;
  readonly config?: Record<string, unknown>;
  /** Stack tags the plan is given after planning (planTestProgram has no option for them). */
  readonly stackTags?: Record<string, string>;
}

/** Identifiers a program constant may be built from. */
const KNOWN_STRINGS: Readonly<Record<string, string>> = { K8S_PRELUDE, AWS_PRELUDE, HEADER };

/**
 * The string value of `const <name> = ...` in a TypeScript file: string and template literals,
 * `+`, and the identifiers of KNOWN_STRINGS. Throws when the file has no such constant or it is
 * built from anything else, so a changed test file fails loudly here instead of shrinking the corpus.
 */
export function programConstant(file: string, name = "PROGRAM", locals = false): string {
  return programIn(
    file,
    name,
    (node) => (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name ? node.initializer : undefined),
    locals,
  );
}

/** The string value of the `program` property of a file's objects (the AWS `*.cases.ts` files). */
export function programProperty(file: string): string {
  return programIn(file, "program", (node) =>
    ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === "program" ? node.initializer : undefined,
  );
}

/** With `locals`, an identifier is first looked up as another string constant of the same file. */
function programIn(file: string, name: string, match: (node: ts.Node) => ts.Expression | undefined, locals = false): string {
  const text = fs.readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  let found: ts.Expression | undefined;
  const visit = (node: ts.Node): void => {
    found ??= match(node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (!found) throw new Error(`${file} has no ${name}`);
  const value = (e: ts.Expression): string => {
    if (ts.isParenthesizedExpression(e)) return value(e.expression);
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) return value(e.left) + value(e.right);
    if (locals && ts.isIdentifier(e) && hasConstant(source, e.text)) return programConstant(file, e.text, true);
    if (ts.isIdentifier(e) && e.text in KNOWN_STRINGS) return KNOWN_STRINGS[e.text] as string;
    if (ts.isTemplateExpression(e)) {
      return e.head.text + e.templateSpans.map((s) => value(s.expression) + s.literal.text).join("");
    }
    throw new Error(`${file}: const ${name} is built from ${ts.SyntaxKind[e.kind]} (${e.getText().slice(0, 60)}), which the parity corpus cannot evaluate`);
  };
  return value(found);
}

const K8S_TESTS = path.join(REPO_ROOT, "policies/hipaa/rules/kubernetes/tests");

/** The Kubernetes and EKS rule tests' programs. */
export function kubernetesPrograms(): CorpusProgram[] {
  return [
    { name: "kubernetes pod-spec rules", source: POD_SPEC_PROGRAM },
    { name: "kubernetes network rules", source: programConstant(path.join(K8S_TESTS, "network.test.ts")) },
    { name: "kubernetes rbac rules", source: programConstant(path.join(K8S_TESTS, "rbac.test.ts")) },
    { name: "eks rules", source: EKS_PROGRAM },
  ];
}

/** The components' program with everything they create (cluster, baseline, workload, network). */
export function componentPrograms(): CorpusProgram[] {
  return [{ name: "components (SecureCluster, WorkloadBaseline, SecureWorkload)", source: FULL_PROGRAM, config: CLUSTER_CONFIG }];
}

/**
 * The AWS rule tests' programs: every exported `{ service, program }` of
 * `policies/hipaa/rules/aws/tests/*.cases.ts` (plain modules, so they can be imported).
 */
export async function awsPrograms(): Promise<CorpusProgram[]> {
  const dir = path.join(REPO_ROOT, "policies/hipaa/rules/aws/tests");
  const programs: CorpusProgram[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".cases.ts")).sort()) {
    const module = (await import(path.join(dir, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      const cases = value as { service?: unknown; program?: unknown } | null;
      if (cases && typeof cases === "object" && typeof cases.program === "string") {
        programs.push({ name: `aws ${String(cases.service ?? file)} (${file}${name === "default" ? "" : ` ${name}`})`, source: cases.program });
      }
    }
  }
  if (programs.length === 0) throw new Error(`${dir} has no *.cases.ts program; the parity corpus lost its AWS programs`);
  return programs;
}

/** True when the file declares `const <name>` (at any depth). */
function hasConstant(source: ts.SourceFile, name: string): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name) found = true;
    if (!found) ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const ACCOUNT_TESTS = path.join(REPO_ROOT, "policies/hipaa/rules/account/tests");

/** The account-root rule tests' programs, planned as an account root (their tests' stack tags). */
export function accountPrograms(): CorpusProgram[] {
  const file = path.join(ACCOUNT_TESTS, "account-rules.test.ts");
  const stackTags = { "phiguard:account-root": "true" };
  return ["COMPLIANT", "DEFECTIVE", "BARE"].map((name) => ({
    name: `account-root rules ${name}`,
    source: programConstant(file, name, true),
    stackTags,
  }));
}

/** The data-residency rule tests' programs. */
export function residencyPrograms(): CorpusProgram[] {
  const file = path.join(REPO_ROOT, "policies/hipaa/rules/residency/residency.test.ts");
  return ["RESOURCES", "REPLICAS"].map((name) => ({ name: `residency rules ${name}`, source: programConstant(file, name, true) }));
}
