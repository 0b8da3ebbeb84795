import cases from "./kms.cases";
import { describeService } from "./support";

describeService(cases);
