/**
 * The HIPAA Security Rule paragraphs (45 CFR Part 164, Subpart C) that phiguard rules cite.
 *
 * Titles and the Required / Addressable designations come from Appendix A to Subpart C (the
 * implementation-specification matrix), as collected in the source catalog's section 1. A
 * `standard` is a paragraph that states a standard; covered entities must meet every standard,
 * through its implementation specifications where it has any.
 */

/** How the Security Rule designates a paragraph. */
export type HipaaDesignation = "standard" | "required" | "addressable";

export interface HipaaParagraph {
  /** The citation as rules write it, e.g. `164.312(a)(2)(iv)`. */
  readonly paragraph: string;
  readonly title: string;
  readonly designation: HipaaDesignation;
  /** The section's safeguard category. */
  readonly safeguard: "administrative" | "physical" | "technical";
}

const A = "administrative" as const;
const P = "physical" as const;
const T = "technical" as const;

/** Every paragraph a rule may cite, in the regulation's order. */
export const HIPAA_PARAGRAPHS: readonly HipaaParagraph[] = Object.freeze([
  { paragraph: "164.308(a)(1)(ii)(A)", title: "Risk analysis", designation: "required", safeguard: A },
  { paragraph: "164.308(a)(1)(ii)(B)", title: "Risk management", designation: "required", safeguard: A },
  { paragraph: "164.308(a)(1)(ii)(D)", title: "Information system activity review", designation: "required", safeguard: A },
  { paragraph: "164.308(a)(3)(i)", title: "Workforce security", designation: "standard", safeguard: A },
  { paragraph: "164.308(a)(3)(ii)(A)", title: "Authorization and/or supervision", designation: "addressable", safeguard: A },
  { paragraph: "164.308(a)(3)(ii)(B)", title: "Workforce clearance procedure", designation: "addressable", safeguard: A },
  { paragraph: "164.308(a)(3)(ii)(C)", title: "Termination procedures", designation: "addressable", safeguard: A },
  { paragraph: "164.308(a)(4)(i)", title: "Information access management", designation: "standard", safeguard: A },
  { paragraph: "164.308(a)(4)(ii)(A)", title: "Isolating health care clearinghouse functions", designation: "required", safeguard: A },
  { paragraph: "164.308(a)(4)(ii)(B)", title: "Access authorization", designation: "addressable", safeguard: A },
  { paragraph: "164.308(a)(4)(ii)(C)", title: "Access establishment and modification", designation: "addressable", safeguard: A },
  { paragraph: "164.308(a)(5)(ii)(A)", title: "Security reminders", designation: "addressable", safeguard: A },
  { paragraph: "164.308(a)(5)(ii)(B)", title: "Protection from malicious software", designation: "addressable", safeguard: A },
  { paragraph: "164.308(a)(5)(ii)(C)", title: "Log-in monitoring", designation: "addressable", safeguard: A },
  { paragraph: "164.308(a)(5)(ii)(D)", title: "Password management", designation: "addressable", safeguard: A },
  { paragraph: "164.308(a)(6)(ii)", title: "Response and reporting", designation: "required", safeguard: A },
  { paragraph: "164.308(a)(7)(i)", title: "Contingency plan", designation: "standard", safeguard: A },
  { paragraph: "164.308(a)(7)(ii)(A)", title: "Data backup plan", designation: "required", safeguard: A },
  { paragraph: "164.308(a)(7)(ii)(B)", title: "Disaster recovery plan", designation: "required", safeguard: A },
  { paragraph: "164.308(a)(7)(ii)(C)", title: "Emergency mode operation plan", designation: "required", safeguard: A },
  { paragraph: "164.308(a)(8)", title: "Evaluation", designation: "required", safeguard: A },
  { paragraph: "164.310(d)(2)(iv)", title: "Data backup and storage", designation: "addressable", safeguard: P },
  { paragraph: "164.312(a)(1)", title: "Access control", designation: "standard", safeguard: T },
  { paragraph: "164.312(a)(2)(i)", title: "Unique user identification", designation: "required", safeguard: T },
  { paragraph: "164.312(a)(2)(ii)", title: "Emergency access procedure", designation: "required", safeguard: T },
  { paragraph: "164.312(a)(2)(iii)", title: "Automatic logoff", designation: "addressable", safeguard: T },
  { paragraph: "164.312(a)(2)(iv)", title: "Encryption and decryption", designation: "addressable", safeguard: T },
  { paragraph: "164.312(b)", title: "Audit controls", designation: "required", safeguard: T },
  { paragraph: "164.312(c)(1)", title: "Integrity", designation: "standard", safeguard: T },
  { paragraph: "164.312(c)(2)", title: "Mechanism to authenticate electronic protected health information", designation: "addressable", safeguard: T },
  { paragraph: "164.312(d)", title: "Person or entity authentication", designation: "required", safeguard: T },
  { paragraph: "164.312(e)(1)", title: "Transmission security", designation: "standard", safeguard: T },
  { paragraph: "164.312(e)(2)(i)", title: "Integrity controls", designation: "addressable", safeguard: T },
  { paragraph: "164.312(e)(2)(ii)", title: "Encryption", designation: "addressable", safeguard: T },
] satisfies HipaaParagraph[]);

const BY_PARAGRAPH: ReadonlyMap<string, HipaaParagraph> = new Map(HIPAA_PARAGRAPHS.map((p) => [p.paragraph, p]));

/** The catalog entry for a citation, or undefined when phiguard does not cite it. */
export function hipaaParagraph(paragraph: string): HipaaParagraph | undefined {
  return BY_PARAGRAPH.get(paragraph);
}

export function isKnownParagraph(paragraph: string): boolean {
  return BY_PARAGRAPH.has(paragraph);
}

/** The regulation's order (the catalog's), for sorting citations; unknown ones go last, by text. */
export function compareParagraphs(a: string, b: string): number {
  const ia = HIPAA_PARAGRAPHS.findIndex((p) => p.paragraph === a);
  const ib = HIPAA_PARAGRAPHS.findIndex((p) => p.paragraph === b);
  if (ia !== -1 && ib !== -1) return ia - ib;
  if (ia !== -1) return -1;
  if (ib !== -1) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Citation groups the AWS rules share (the mappings AWS Config / cdk-nag use for the same check). */
export const CITES = Object.freeze({
  /** Encryption at rest (AWS maps at-rest encryption to both paragraphs). */
  encryptionAtRest: ["164.312(a)(2)(iv)", "164.312(e)(2)(ii)"],
  /** Encryption and integrity in transit. */
  inTransit: ["164.312(a)(2)(iv)", "164.312(e)(1)", "164.312(e)(2)(i)", "164.312(e)(2)(ii)"],
  /** Not reachable from the internet. */
  notPublic: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.308(a)(4)(ii)(C)", "164.312(a)(1)", "164.312(e)(1)"],
  /** Least privilege (IAM and network access). */
  leastPrivilege: [
    "164.308(a)(3)(i)",
    "164.308(a)(3)(ii)(A)",
    "164.308(a)(3)(ii)(B)",
    "164.308(a)(4)(i)",
    "164.308(a)(4)(ii)(A)",
    "164.308(a)(4)(ii)(B)",
    "164.308(a)(4)(ii)(C)",
    "164.312(a)(1)",
  ],
  /** Restricted inbound ports (AWS's restricted-ssh / restricted-common-ports mapping). */
  restrictedIngress: [
    "164.308(a)(3)(i)",
    "164.308(a)(3)(ii)(B)",
    "164.308(a)(4)(i)",
    "164.308(a)(4)(ii)(A)",
    "164.308(a)(4)(ii)(B)",
    "164.308(a)(4)(ii)(C)",
    "164.312(a)(1)",
    "164.312(e)(1)",
  ],
  /** Audit logging. */
  audit: ["164.308(a)(3)(ii)(A)", "164.312(b)"],
  /** Backups and point-in-time recovery. */
  backup: ["164.308(a)(7)(i)", "164.308(a)(7)(ii)(A)", "164.308(a)(7)(ii)(B)"],
  /** Availability during an emergency. */
  availability: ["164.308(a)(7)(i)", "164.308(a)(7)(ii)(C)"],
  /** AWS Backup (Steampipe's mapping of the backup-plan rules). */
  backupPlan: [
    "164.308(a)(7)(i)",
    "164.308(a)(7)(ii)(A)",
    "164.308(a)(7)(ii)(B)",
    "164.308(a)(7)(ii)(C)",
    "164.310(d)(2)(iv)",
    "164.312(a)(2)(ii)",
  ],
  /** Integrity of stored ePHI and of audit records. */
  integrity: ["164.312(c)(1)", "164.312(c)(2)"],
} as const);
