import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "lambda-concurrency-limit-set",
  description: "Lambda functions reserve a concurrency limit, so one function cannot exhaust the account's concurrency and starve the others.",
  enforcementLevel: "advisory",
  hipaa: ["164.312(b)", "164.308(a)(7)(ii)(C)"],
  remediation: "Use the `SecureWorkload` component, or set `reservedConcurrentExecutions` to a value of 0 or more.",
  controls: {
    awsConfig: ["LAMBDA_CONCURRENCY_CHECK"],
    cdkNag: ["HIPAA.Security-LambdaConcurrency"],
    checkov: ["CKV_AWS_115"],
  },
  resourceTypes: ["aws:lambda/function:Function"],
  check: (props, _args, report) => {
    const limit = props.reservedConcurrentExecutions as number | undefined;
    if (limit === undefined || limit < 0) report("reservedConcurrentExecutions is not set.");
  },
});
