import { App } from "cdktf";
import { BringYourOwnStack } from "./bring-your-own";
import { CrossRegionStack } from "./cross-region";
import { DocsExampleStack } from "./docs-example";

const app = new App();
new DocsExampleStack(app, "docs-example");
new BringYourOwnStack(app, "bring-your-own");
new CrossRegionStack(app, "cross-region");
app.synth();
