import cases from "./s3.cases";
import { describeService } from "./support";

describeService(cases);
