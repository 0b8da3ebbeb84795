import cases from "./iam.cases";
import { describeService } from "./support";

describeService(cases);
