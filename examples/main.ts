import { App, LocalBackend, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { alicloud } from "../src";

/** A raw export through the generated binding, until the ImageExport construct lands. */
class RawExportStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // A relative path keeps the synthesized JSON identical on every machine.
    new LocalBackend(this, { path: `terraform.${id}.tfstate` });
    new alicloud.provider.AlicloudProvider(this, "alicloud", { region: "cn-hangzhou" });
    new alicloud.imageExport.ImageExport(this, "export", {
      imageId: "m-bp1exampleimage0001",
      ossBucket: "example-exports",
      ossPrefix: "nightly",
    });
  }
}

const app = new App();
new RawExportStack(app, "raw-export");
app.synth();
