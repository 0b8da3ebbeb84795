/**
 * The resource graph of a plan as an inline SVG, laid out here (no layout library, no network):
 * one column per region (resources without a region last, as "global"), in it one box per parent
 * component, in the box the component's resources on a grid in registration order; a curve for
 * every dependency between two drawn resources. Colours say what a resource is (network, store,
 * key, audit, identity, compute); a red outline says a rule failed on it.
 *
 * Pure and deterministic: the same plan and verdicts give the same bytes.
 */
import type { Plan, PlannedResource } from "../plan";
import { compareStrings } from "../../policies/engine/finding";
import type { Verdict } from "./model";

export type Category = "network" | "store" | "key" | "audit" | "identity" | "compute" | "other";

export const CATEGORY_LABELS: Readonly<Record<Category, string>> = {
  network: "network",
  store: "data store",
  key: "key / secret",
  audit: "audit & logging",
  identity: "identity",
  compute: "compute",
  other: "other",
};

const CATEGORY_RULES: readonly [Category, RegExp][] = [
  ["store", /^aws:(s3\/bucket:|rds\/(cluster|instance|globalCluster|clusterInstance):|dynamodb\/table:|sqs\/queue:|efs\/fileSystem:|elasticache\/|docdb\/|redshift\/cluster:|opensearch\/domain:|neptune\/cluster:|ebs\/volume:|backup\/vault:)/],
  ["network", /^aws:(ec2\/(vpc|subnet|routeTable|route|internetGateway|natGateway|eip|securityGroup|vpcEndpoint|networkAcl|flowLog|vpcPeering|transitGateway)|ec2transitgateway\/|lb\/|alb\/|elb\/|route53\/|vpc\/|networkfirewall\/|wafv2\/|cloudfront\/)/],
  ["key", /^aws:(kms\/|secretsmanager\/|acm\/|ssm\/parameter:)/],
  ["audit", /^aws:(cloudtrail\/|cloudwatch\/|config\/|guardduty\/|securityhub\/|inspector2?\/|macie2?\/|backup\/(plan|selection|vaultLock))/],
  ["identity", /^aws:(iam\/|sso|cognito|identitystore)/],
  ["compute", /^(aws:(ec2\/(instance|launchTemplate)|autoscaling\/|eks\/|ecs\/|lambda\/|batch\/|sagemaker\/)|kubernetes:)/],
];

export function categoryOf(type: string): Category {
  for (const [category, re] of CATEGORY_RULES) if (re.test(type)) return category;
  return "other";
}

export interface GraphOptions {
  /** The worst verdict of the findings on each resource, by URN. */
  readonly verdicts: ReadonlyMap<string, Verdict>;
  /** Escapes text for HTML/SVG. */
  readonly escape: (text: string) => string;
}

const NODE_W = 168;
const NODE_H = 22;
const GAP = 6;
const COLS = 3;
const PAD = 10;
const GROUP_HEAD = 22;
const REGION_HEAD = 30;
const LEGEND_H = 34;
const GROUP_W = PAD * 2 + COLS * NODE_W + (COLS - 1) * GAP;
const REGION_W = GROUP_W + PAD * 2;
const REGION_GAP = 24;
export const GLOBAL_REGION = "global";

interface Placed {
  readonly resource: PlannedResource;
  readonly x: number;
  readonly y: number;
}

interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly label: string;
  readonly title: string;
}

/** The graph as an `<svg>` element string; an empty-state paragraph when there is nothing to draw. */
export function renderResourceGraph(plan: Plan, options: GraphOptions): string {
  const esc = options.escape;
  const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
  const custom = plan.resources.filter((r) => r.custom && !r.type.startsWith("pulumi:providers:"));
  if (custom.length === 0) return `<p class="empty">The plan has no resources to draw.</p>`;

  // Region → parent component → resources (each list in registration order).
  const regions = new Map<string, Map<string, PlannedResource[]>>();
  for (const r of custom) {
    const region = r.region ?? GLOBAL_REGION;
    let groups = regions.get(region);
    if (!groups) regions.set(region, (groups = new Map()));
    const parent = r.parent && byUrn.get(r.parent)?.custom === false ? r.parent : "";
    const list = groups.get(parent);
    if (list) list.push(r);
    else groups.set(parent, [r]);
  }
  const order = new Map(plan.resources.map((r, i) => [r.urn, i]));
  const regionNames = [...regions.keys()].sort((a, b) =>
    a === GLOBAL_REGION ? 1 : b === GLOBAL_REGION ? -1 : compareStrings(a, b),
  );

  const placed = new Map<string, Placed>();
  const regionBoxes: Box[] = [];
  const groupBoxes: Box[] = [];
  let height = 0;
  regionNames.forEach((region, ri) => {
    const rx = ri * (REGION_W + REGION_GAP);
    let y = LEGEND_H + REGION_HEAD;
    const groups = [...regions.get(region)!.entries()].sort(
      (a, b) => (order.get(a[0]) ?? -1) - (order.get(b[0]) ?? -1),
    );
    for (const [parentUrn, members] of groups) {
      const gx = rx + PAD;
      const rows = Math.ceil(members.length / COLS);
      const gh = GROUP_HEAD + rows * NODE_H + (rows - 1) * GAP + PAD;
      const parent = byUrn.get(parentUrn);
      const root = parent === undefined || parent.parent === undefined;
      groupBoxes.push({
        x: gx,
        y,
        w: GROUP_W,
        h: gh,
        label: root ? "stack (no component)" : `${parent.name} · ${shortType(parent.type)}`,
        title: root ? `${plan.project}/${plan.stack}` : parent.urn,
      });
      members.forEach((r, i) => {
        placed.set(r.urn, {
          resource: r,
          x: gx + PAD + (i % COLS) * (NODE_W + GAP),
          y: y + GROUP_HEAD + Math.floor(i / COLS) * (NODE_H + GAP),
        });
      });
      y += gh + PAD;
    }
    regionBoxes.push({ x: rx, y: LEGEND_H, w: REGION_W, h: y - LEGEND_H, label: region, title: `region ${region}` });
    height = Math.max(height, y);
  });
  const width = regionNames.length * REGION_W + (regionNames.length - 1) * REGION_GAP;

  // Dependencies between drawn resources (explicit and through inputs), once per pair.
  const edges: string[] = [];
  const seen = new Set<string>();
  for (const to of placed.values()) {
    const deps = new Set([...to.resource.dependencies, ...Object.values(to.resource.propertyDependencies).flat()]);
    for (const dep of [...deps].sort()) {
      const from = placed.get(dep);
      if (!from || from === to) continue;
      const key = `${dep}\u0000${to.resource.urn}`;
      if (seen.has(key)) continue;
      seen.add(key);
      edges.push(edgePath(from, to));
    }
  }

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="graph" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(`Resource graph of ${plan.project}/${plan.stack}: ${custom.length} resources in ${regionNames.length} region(s)`)}">`,
    `<defs><marker id="arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L8,4 L0,8 z" class="arrowhead"/></marker></defs>`,
  );
  out.push(legend());
  for (const b of regionBoxes) {
    out.push(
      `<g class="region"><title>${esc(b.title)}</title><rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="8"/><text x="${b.x + PAD}" y="${b.y + 20}" class="region-label">${esc(b.label)}</text></g>`,
    );
  }
  for (const b of groupBoxes) {
    out.push(
      `<g class="component"><title>${esc(b.title)}</title><rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="5"/><text x="${b.x + PAD}" y="${b.y + 15}" class="component-label">${esc(truncate(b.label, 70))}</text></g>`,
    );
  }
  out.push(`<g class="edges">${edges.join("")}</g>`);
  for (const p of placed.values()) {
    const r = p.resource;
    const verdict = options.verdicts.get(r.urn);
    const classes = ["node", `cat-${categoryOf(r.type)}`, ...(verdict ? [`verdict-${verdict}`] : [])].join(" ");
    out.push(
      `<g class="${classes}"><title>${esc(`${r.type} "${r.name}"${verdict ? ` (${verdict})` : ""}\n${r.urn}`)}</title><rect x="${p.x}" y="${p.y}" width="${NODE_W}" height="${NODE_H}" rx="3"/><text x="${p.x + 6}" y="${p.y + 15}">${esc(truncate(r.name, 24))}</text></g>`,
    );
  }
  out.push(`</svg>`);
  return out.join("\n");
}

function legend(): string {
  const items = (Object.keys(CATEGORY_LABELS) as Category[]).map((c, i) => {
    const x = i * 118;
    return `<g class="node cat-${c}"><rect x="${x}" y="6" width="14" height="14" rx="3"/><text x="${x + 20}" y="18">${CATEGORY_LABELS[c]}</text></g>`;
  });
  const x = items.length * 118;
  items.push(`<g class="node cat-other verdict-fail"><rect x="${x}" y="6" width="14" height="14" rx="3"/><text x="${x + 20}" y="18">rule failed</text></g>`);
  return `<g class="legend">${items.join("")}</g>`;
}

function edgePath(from: Placed, to: Placed): string {
  // Same column: bottom/top centres, bowed to the side; else facing sides.
  if (Math.abs(to.x - from.x) < NODE_W) {
    const down = to.y >= from.y;
    const x1 = from.x + NODE_W / 2;
    const y1 = down ? from.y + NODE_H : from.y;
    const x2 = to.x + NODE_W / 2;
    const y2 = down ? to.y : to.y + NODE_H;
    const bow = Math.min(60, 12 + Math.abs(y2 - y1) / 6);
    return `<path d="M${x1},${y1} C${x1 + bow},${y1 + (down ? bow : -bow)} ${x2 + bow},${y2 + (down ? -bow : bow)} ${x2},${y2}" marker-end="url(#arrow)"/>`;
  }
  const right = to.x > from.x;
  const x1 = right ? from.x + NODE_W : from.x;
  const y1 = from.y + NODE_H / 2;
  const x2 = right ? to.x : to.x + NODE_W;
  const y2 = to.y + NODE_H / 2;
  const bend = Math.max(24, Math.abs(x2 - x1) / 3);
  return `<path d="M${x1},${y1} C${x1 + (right ? bend : -bend)},${y1} ${x2 + (right ? -bend : bend)},${y2} ${x2},${y2}" marker-end="url(#arrow)"/>`;
}

function shortType(type: string): string {
  return type.slice(type.lastIndexOf(":") + 1) || type;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + "…";
}
