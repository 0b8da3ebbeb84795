/**
 * The HTML evidence report in a real browser (Debian's Chromium, headless, through playwright-core):
 * it renders without console errors and without a single network request, the findings table and
 * the matrix are there, and injected markup stays text. A screenshot is kept in test-artifacts/.
 *
 * Skipped, saying why, only when /usr/bin/chromium is absent (CI installs it).
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { renderHtml } from "../../cli/reporters/html";
import { runPhiguard } from "../support/cli";
import { REPO_ROOT, writeTestProgram } from "../support/plan";
import { fixtureChecks } from "./fixture";

const CHROMIUM = "/usr/bin/chromium";
const HAVE_CHROMIUM = fs.existsSync(CHROMIUM);
const ARTIFACTS = path.join(REPO_ROOT, "test-artifacts");
if (!HAVE_CHROMIUM) {
  console.warn(`html.browser.test.ts: skipped: ${CHROMIUM} is not installed (apt-get install -y chromium)`);
}

const PROGRAM = `
import * as k8s from "@pulumi/kubernetes";
import { EnvelopeKey, PhiBucket, MultiRegionNetwork, S3_ACCESS_LOG_KEY_ACCESS } from "../../components";
const key = new EnvelopeKey("phi", {
  regions: ["us-east-1", "us-west-2"],
  viaServices: ["s3", "logs"],
  allowCloudWatchLogs: true,
  servicePrincipals: [S3_ACCESS_LOG_KEY_ACCESS],
});
new PhiBucket("records", { key });
new MultiRegionNetwork("core", { regions: ["us-east-1", "us-west-2"], supernet: "10.0.0.0/12" });
new k8s.core.v1.Pod("debug", {
  metadata: { namespace: "clinical" },
  spec: { containers: [{ name: "shell", image: "busybox", securityContext: { privileged: true } }] },
});
`;

describe.skipIf(!HAVE_CHROMIUM)("HTML report in headless Chromium", () => {
  let browser: Browser;
  const dirs: string[] = [];
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    fs.mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
  });

  /** Opens the file and records console errors, page errors, dialogs and every request. */
  async function open(file: string): Promise<{ page: Page; errors: string[]; requests: string[]; dialogs: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    const requests: string[] = [];
    const dialogs: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("request", (r) => requests.push(r.url()));
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const url = pathToFileURL(file).href;
    await page.goto(url, { waitUntil: "load" });
    await page.waitForTimeout(200);
    return { page, errors, requests: requests.filter((r) => r !== url && !r.startsWith("data:")), dialogs };
  }

  test("the report of a real program renders offline, with findings, matrix and graph; screenshot saved", async () => {
    const dir = writeTestProgram(PROGRAM, { config: { "phiguard:owner": "clinical-platform" } });
    dirs.push(dir);
    const out = path.join(dir, "report.html");
    const run = runPhiguard(["report", "--html", dir, "-o", out, "--date", "2025-06-30"]);
    expect(run.stderr).toBe(`phiguard: wrote ${out}\n`);
    expect(run.code).toBe(1); // the privileged pod
    const { page, errors, requests, dialogs } = await open(out);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(dialogs).toEqual([]);

    const findings = page.locator("table.findings").first();
    await expect(findings.isVisible()).resolves.toBe(true);
    expect(await findings.locator("tbody tr").count()).toBeGreaterThan(0);
    expect(await findings.innerText()).toContain("k8s-no-privileged-containers");
    const matrix = page.locator("table.matrix").first();
    await expect(matrix.isVisible()).resolves.toBe(true);
    expect(await matrix.locator("td.cell.fail").count()).toBeGreaterThan(0);
    expect(await matrix.locator("td.cell.pass").count()).toBeGreaterThan(0);
    expect(await page.locator("svg.graph g.region").count()).toBe(3); // us-east-1, us-west-2, global (the pod)
    expect(await page.locator("svg.graph g.node.cat-network").count()).toBeGreaterThan(0);
    expect(await page.locator("svg.graph g.node.cat-store").count()).toBeGreaterThan(0);

    // The inline script works: the filter hides rows.
    const rows = await findings.locator("tbody tr:visible").count();
    await page.locator("input.filter[data-target='stack-0-findings-table']").fill("k8s-no-privileged");
    expect(await findings.locator("tbody tr:visible").count()).toBeLessThan(rows);
    await page.locator("input.filter[data-target='stack-0-findings-table']").fill("");

    await page.screenshot({ path: path.join(ARTIFACTS, "report.png"), fullPage: true });
    expect(fs.statSync(path.join(ARTIFACTS, "report.png")).size).toBeGreaterThan(10_000);
    await page.close();
  }, 120_000);

  test("markup in resource names and waivers stays text (no script runs, no element injected)", async () => {
    const file = path.join(ARTIFACTS, "report-fixture.html");
    fs.writeFileSync(file, renderHtml(fixtureChecks()));
    const { page, errors, requests, dialogs } = await open(file);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(await page.locator("img").count()).toBe(0);
    expect(await page.locator("body script").count()).toBe(1);
    expect(await page.locator("table.findings").innerText()).toContain(`onerror="alert('pwned')"`);
    await page.close();
  });
});
