// What every command shares: where it writes, and the name it prints, the package's own
// (cdktf-alicloud-image-export, or cdktn-alicloud-image-export in the CDK Terrain flavour).
import { PACKAGE_NAME } from "../framework";

/** Where a command writes: results to `log`, problems running it to `error`. */
export interface CliOutput {
  log(line: string): void;
  error(line: string): void;
}

/** The package's command, as its bin names it. */
export const COMMAND: string = PACKAGE_NAME;
