import { backup, backupByTag, backupUnknownSelection } from "./backup.cases";
import { describeService } from "./support";

describeService(backup);
describeService(backupByTag);
describeService(backupUnknownSelection);
