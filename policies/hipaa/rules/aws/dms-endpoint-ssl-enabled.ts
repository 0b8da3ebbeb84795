import { CITES } from "../../controls";
import { resourceRule } from "./lib/rule";

/** Engines whose connections DMS encrypts according to `sslMode`. */
const SSL_ENGINES = [
  "aurora",
  "aurora-postgresql",
  "db2",
  "db2-zos",
  "docdb",
  "mariadb",
  "mongodb",
  "mysql",
  "oracle",
  "postgres",
  "redshift",
  "sqlserver",
  "sybase",
];

export default resourceRule({
  name: "dms-endpoint-ssl-enabled",
  description:
    "DMS endpoints of database engines connect with TLS (sslMode require, verify-ca or verify-full; the default is none).",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.inTransit],
  remediation: "Set `sslMode: \"verify-full\"` (or `\"require\"`) and, for verification, `certificateArn` on the `aws.dms.Endpoint`.",
  controls: {
    checkov: ["CKV2_AWS_49"],
  },
  resourceTypes: ["aws:dms/endpoint:Endpoint"],
  check: (props, args, report) => {
    const engine = String(props.engineName ?? "").toLowerCase();
    if (!SSL_ENGINES.includes(engine)) args.notApplicable(`engine '${engine}' does not use sslMode`);
    const mode = String(props.sslMode ?? "none").toLowerCase();
    if (mode === "none") report(`sslMode is '${mode}', so the ${engine} connection is not encrypted.`);
  },
});
