import cases from "./lambda.cases";
import { describeService } from "./support";

describeService(cases);
