// Terraform is the oracle: whatever a construct accepts, Terraform validates and plans. Props are drawn
// for each construct (values around every rule, hostile text, template sequences and tokens among them,
// from support/prop-arbitraries.ts); every stack a construct accepts goes to the real judge, all of them
// in one run (the judge's batch mode). Should Terraform reject any, the first failing draw of each
// construct is replayed by fast-check (same seed, its path) and shrunk to the smallest failing props,
// each candidate judged on its own. agreement.test.ts keeps the same property with SchemaConformance.
import { TerraformStack, Testing } from "cdktf";
import * as fc from "fast-check";
import { ExportBucket, ImageExport, ImageExportRole, ImageScaffold } from "../src";
import { formatDiagnostic, judge } from "../src/terraform/runner";
import {
  BUCKET_PROPS,
  build,
  EXPORT_PROPS,
  Make,
  ROLE_PROPS,
  SCAFFOLD_PROPS,
  bool,
} from "./support/prop-arbitraries";
import { stackInRegion } from "./support/synth-helpers";

/** Accepted stacks per construct. */
const ACCEPTED = 40;
/** Draws per construct at most, to find them. */
const MAX_DRAWS = 400;

type Props = Partial<Record<string, Make>>;

/** A few of the props at a time: a draw with all of them would almost never be accepted. */
function someOf(props: { [name: string]: fc.Arbitrary<Make> }, fixed: Props = {}): fc.Arbitrary<Props> {
  return fc
    .subarray(Object.keys(props), { maxLength: Math.min(5, Object.keys(props).length) })
    .chain((names) => fc.record(Object.fromEntries(names.map((name) => [name, props[name]]))))
    .map((drawn) => ({ ...fixed, ...drawn }));
}

interface Kind {
  readonly name: string;
  readonly props: fc.Arbitrary<Props>;
  readonly create: (stack: TerraformStack, props: Record<string, unknown>) => void;
}

const KINDS: readonly Kind[] = [
  {
    name: "ImageExport",
    props: fc.oneof(
      someOf({
        ...SCAFFOLD_PROPS,
        ...EXPORT_PROPS,
        imageId: EXPORT_PROPS.imageId,
        ossBucket: EXPORT_PROPS.ossBucket,
      }),
      someOf({
        imageId: EXPORT_PROPS.imageId,
        ossBucket: EXPORT_PROPS.ossBucket,
        ossPrefix: EXPORT_PROPS.ossPrefix,
        createTimeout: EXPORT_PROPS.createTimeout,
        createRole: bool,
      }),
    ),
    create: (stack, props) => new ImageExport(stack, "Export", props),
  },
  {
    name: "ImageScaffold",
    props: someOf(SCAFFOLD_PROPS),
    create: (s, p) => new ImageScaffold(s, "Scaffold", p),
  },
  { name: "ExportBucket", props: someOf(BUCKET_PROPS), create: (s, p) => new ExportBucket(s, "Bucket", p) },
  { name: "ImageExportRole", props: someOf(ROLE_PROPS), create: (s, p) => new ImageExportRole(s, "Role", p) },
];

/** The synthesized stack when the construct accepts the props (validations on), else undefined. */
function accepted(kind: Kind, props: Props): string | undefined {
  const stack = stackInRegion();
  try {
    kind.create(stack, build(stack, props));
    return Testing.synth(stack, true);
  } catch (error) {
    // Refused, in our words: the construct's problem list, or a whole-stack check at synth.
    expect((error as Error).message).toMatch(new RegExp(`at 'stack/`));
    return undefined;
  }
}

/** Terraform's errors for one stack, as lines. */
async function terraformErrors(config: string): Promise<string[]> {
  const result = await judge([{ name: "stack", config }]);
  return result.stacks[0].diagnostics.filter((d) => d.severity === "error").map(formatDiagnostic);
}

const seed = fc.readConfigureGlobal().seed ?? Date.now() ^ Math.floor(Math.random() * 0x7fffffff);

test(`whatever a construct accepts, Terraform validates and plans (${ACCEPTED} accepted stacks per construct, seed ${seed})`, async () => {
  const drawn: { kind: Kind; index: number; config: string; property: fc.IAsyncProperty<[Props]> }[] = [];
  for (const kind of KINDS) {
    const property = fc.asyncProperty(kind.props, async (props) => {
      const config = accepted(kind, props);
      if (config !== undefined) expect(await terraformErrors(config)).toEqual([]);
    });
    const samples = fc.sample(property, { seed, numRuns: MAX_DRAWS });
    let count = 0;
    for (const [index, [props]] of samples.entries()) {
      const config = accepted(kind, props);
      if (config === undefined) continue;
      drawn.push({ kind, index, config, property });
      if (++count === ACCEPTED) break;
    }
    expect({ construct: kind.name, accepted: count }).toEqual({ construct: kind.name, accepted: ACCEPTED });
  }

  const result = await judge(
    drawn.map((d, i) => ({ name: `${d.kind.name}-${i}`, config: d.config })),
    { batch: true },
  );
  const failing = drawn.filter((_, i) => !result.stacks[i].planned);
  // Replays the first failing draw of each construct and shrinks it: the report names the smallest props.
  for (const kind of KINDS) {
    const first = failing.find((d) => d.kind === kind);
    if (first) await fc.assert(first.property, { seed, path: String(first.index), endOnFailure: false });
  }
  expect(failing.map((d) => `${d.kind.name} #${d.index}`)).toEqual([]);
}, 300_000);
