import { describe, expect, test } from "vitest";
import { createHash } from "node:crypto";
import { renderHtml } from "../../cli/reporters/html";
import { renderResourceGraph, categoryOf } from "../../cli/reporters/html-graph";
import { esc } from "../../cli/reporters/html";
import { EVIL_NAME, fixtureChecks, fixturePlan, passingCheck } from "./fixture";

const html = renderHtml(fixtureChecks());

/** The matrix cell of a resource row (by its name as shown) and a paragraph column. */
function cell(doc: string, resourceName: string, paragraph: string): string {
  const table = /<table class="matrix"[^>]*>([\s\S]*?)<\/table>/.exec(doc)![1]!;
  const head = [...table.matchAll(/<th class="para"[^>]*><span>([^<]*)<\/span><\/th>/g)].map((m) => m[1]);
  const col = head.indexOf(paragraph);
  expect(col, `column ${paragraph} in ${head.join(", ")}`).toBeGreaterThanOrEqual(0);
  const row = [...table.matchAll(/<tr><th class="res"[^>]*>([^<]*)<small>[\s\S]*?<\/tr>/g)].find((m) => m[1] === esc(resourceName));
  expect(row, `row ${resourceName}`).toBeDefined();
  const cells = [...row![0].matchAll(/<td class="cell (\w+)"/g)].map((m) => m[1]);
  return cells[col]!;
}

describe("HTML evidence report", () => {
  test("is one self-contained document: no external URL, a CSP that forbids the network, hashes that match", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).not.toMatch(/\b(src|href)="(?!#|data:)/);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect(html).not.toMatch(/@import|url\((?!#)/);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
    expect(csp).toContain("default-src 'none'");
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const hash = (s: string) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`;
    expect(csp).toContain(`style-src ${hash(style)}`);
    expect(csp).toContain(`script-src ${hash(script)}`);
  });

  test("escapes every text from the program and the waivers", () => {
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>scheduled");
    expect(html).toContain(esc(EVIL_NAME));
    expect(html).toContain("Dana Smith (CISO) &amp; &quot;Security&quot;");
  });

  test("has the stack summary, the matrix, the findings, the waivers, the rules, the graph and the coverage", () => {
    for (const id of ["stack-0-matrix", "stack-0-findings", "stack-0-waivers", "stack-0-rules", "stack-0-graph", "coverage"]) {
      expect(html).toContain(`id="${id}"`);
    }
    expect(html).toContain(`<table class="matrix" id="stack-0-matrix-table">`);
    expect(html).toContain(`<table class="findings" id="stack-0-findings-table">`);
    expect(html).toMatch(/<div class="card fail"><span class="k">Verdict<\/span><span class="v">FAIL<\/span><\/div>/);
    expect(html).toContain("AWS Config conformance pack");
    expect(html).toContain("cdk-nag HIPAA Security rule pack");
    expect(html).toMatch(/<strong>\d+ of \d+<\/strong> rules implemented/);
  });

  test("matrix cells: fail, advisory, waived, unverifiable, pass and n/a", () => {
    expect(cell(html, "records-replica-bucket", "164.312(a)(2)(iv)")).toBe("fail");
    expect(cell(html, EVIL_NAME, "164.312(a)(2)(iv)")).toBe("waived");
    expect(cell(html, "phi-key-us-east-1", "164.312(a)(2)(iv)")).toBe("unverifiable");
    expect(cell(html, "phi-replica-us-west-2", "164.312(a)(2)(iv)")).toBe("pass");
    expect(cell(html, "main", "164.312(b)")).toBe("advisory");
    expect(cell(html, "main", "164.312(a)(2)(iv)")).toBe("na");
    expect(cell(html, "(stack)", "164.312(b)")).toBe("fail");
  });

  test("the waiver table shows reason, approver and expiry", () => {
    const waivers = /<table class="waivers">([\s\S]*?)<\/table>/.exec(html)![1]!;
    expect(waivers).toContain("Legacy export bucket &lt;b&gt;scheduled&lt;/b&gt; for deletion in Q3");
    expect(waivers).toContain("<td>2099-12-31</td>");
    expect(waivers).toContain("<code>&lt;img*</code>");
  });

  test("is deterministic, with a date only when given one", () => {
    expect(renderHtml(fixtureChecks())).toBe(html);
    expect(html).not.toMatch(/report date|20\d\d-\d\d-\d\dT/);
    expect(renderHtml(fixtureChecks(), { date: "2025-06-30" })).toContain("report date 2025-06-30");
  });

  test("several stacks: one section each, coverage once", () => {
    const two = renderHtml([passingCheck(), ...fixtureChecks()]);
    expect(two).toContain(`id="stack-0"`);
    expect(two).toContain(`id="stack-1"`);
    expect(two.match(/id="coverage"/g)).toHaveLength(1);
    expect(two).toMatch(/verdict <strong class="verdict fail">FAIL<\/strong>/);
  });
});

describe("resource graph", () => {
  const verdicts = new Map([[fixturePlan().resources.find((r) => r.name === "records-replica-bucket")!.urn, "fail" as const]]);
  const svg = renderResourceGraph(fixturePlan(), { verdicts, escape: esc });

  test("one column per region (global last), one box per parent component, every resource once", () => {
    const regions = [...svg.matchAll(/<g class="region"><title>region ([^<]+)<\/title>/g)].map((m) => m[1]);
    expect(regions).toEqual(["us-east-1", "us-west-2", "global"]);
    const components = [...svg.matchAll(/class="component-label">([^<]+)</g)].map((m) => m[1]);
    // us-east-1: resources of the stack itself, the key, the bucket; us-west-2: the replicas; global: the pod.
    expect(components).toEqual(["stack (no component)", "phi · EnvelopeKey", "records · PhiBucket", "phi · EnvelopeKey", "records · PhiBucket", "stack (no component)"]);
    const nodes = [...svg.matchAll(/<g class="node cat-(\w+)[^"]*"><title>/g)];
    expect(nodes).toHaveLength(8);
  });

  test("edges for dependencies, colours by kind, a failed resource outlined", () => {
    expect(svg.match(/<path d="M[^"]+" marker-end="url\(#arrow\)"\/>/g)).toHaveLength(4);
    expect(svg).toMatch(/<g class="node cat-store verdict-fail"><title>aws:s3\/bucket:Bucket &quot;records-replica-bucket&quot; \(fail\)/);
    expect(categoryOf("aws:ec2/vpc:Vpc")).toBe("network");
    expect(categoryOf("aws:kms/key:Key")).toBe("key");
    expect(categoryOf("aws:rds/cluster:Cluster")).toBe("store");
    expect(categoryOf("kubernetes:core/v1:Pod")).toBe("compute");
  });

  test("escapes resource names", () => {
    expect(svg).not.toContain("<img");
    expect(svg).toContain("&lt;img src=x");
  });
});
