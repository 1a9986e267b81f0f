import { App } from "cdktf";
import { BringYourOwnStack } from "./bring-your-own";
import { CrossRegionStack } from "./cross-region";
import { DocsExampleStack } from "./docs-example";
import { ManyExportsStack } from "./many-exports";
import { NightlyBackupsStack } from "./nightly-backups";

const app = new App();
new DocsExampleStack(app, "docs-example");
new BringYourOwnStack(app, "bring-your-own");
new CrossRegionStack(app, "cross-region");
new NightlyBackupsStack(app, "nightly-backups");
new ManyExportsStack(app, "many-exports");
app.synth();
