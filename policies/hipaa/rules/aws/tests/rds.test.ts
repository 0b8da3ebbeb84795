import cases from "./rds.cases";
import { describeService } from "./support";

describeService(cases);
