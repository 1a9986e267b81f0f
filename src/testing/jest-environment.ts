// A jest test environment that removes the temporary folders a test file leaves. cdktf's
// `Testing.app`, `Testing.synth` and `Testing.fullSynth` make a `cdktf.outdir.*` folder in the OS temp
// dir on every call and never remove it (a suite of a few hundred synths leaves hundreds). With this
// environment each test file gets a temporary folder of its own: `os.tmpdir()`, in the file's tests and
// in every process they start, is that folder until the file's tests are done, and then it is removed.
//
// It has to be an environment: a setup file runs inside jest's sandbox, whose `process.env` is a copy
// that `os.tmpdir()` never reads. Use it in jest's configuration:
//   testEnvironment: "cdktf-alicloud-image-export/lib/testing/jest-environment"
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/* eslint-disable @typescript-eslint/no-explicit-any -- jest's environment API, without jest's types */
/**
 * jest's own Node.js environment, which this one adds to: the app's (where jest runs, its working
 * folder), else the one next to the jest that loads this file. It is not a dependency of this package:
 * only jest loads this module, and jest brings it.
 */
function jestNodeEnvironment(): { TestEnvironment: new (...args: any[]) => any } {
  const from = [process.cwd(), ...(require.main ? [require.main.filename] : [])];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(require.resolve("jest-environment-node", { paths: from }));
}

const { TestEnvironment } = jestNodeEnvironment();

/** The environment variables `os.tmpdir()` (and the tools a test starts) read the temp dir from. */
const TEMP_VARIABLES = ["TMPDIR", "TMP", "TEMP"];

/** jest's Node.js environment, with a temporary folder per test file that is removed afterwards. */
export default class TemporaryFolderEnvironment extends TestEnvironment {
  private readonly folder: string;
  private readonly previous: { [name: string]: string | undefined };

  constructor(...args: any[]) {
    const previous = Object.fromEntries(TEMP_VARIABLES.map((name) => [name, process.env[name]]));
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "test-file-"));
    // Set before jest's environment copies the environment variables into the test's sandbox.
    for (const name of TEMP_VARIABLES) process.env[name] = folder;
    super(...args);
    this.folder = folder;
    this.previous = previous;
  }

  public async teardown(): Promise<void> {
    for (const [name, value] of Object.entries(this.previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    fs.rmSync(this.folder, { recursive: true, force: true });
    await super.teardown();
  }
}
/* eslint-enable @typescript-eslint/no-explicit-any */
