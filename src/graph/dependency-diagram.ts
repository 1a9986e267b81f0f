import * as fs from "fs";
import { NotTerraformJsonError, readTerraformJsonFile } from "../conformance/terraform-json";
import { SYNTH_COMMAND } from "../framework";
import * as path from "path";
import { renderMermaid } from "./mermaid";
import { compare, NotAStackError, readStackGraph } from "./stack-graph";

/** Thrown when a path holds nothing that can be drawn; the message says what to pass instead. */
export class DiagramInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DiagramInputError";
  }
}

const STACK_FILE = "cdk.tf.json";

/**
 * Draws synthesized cdktf stacks as Mermaid flowcharts, read from their JSON alone.
 *
 * No Terraform and no provider download: a node per resource and data source, labelled with its type
 * and construct path; a solid arrow from each block to every block that refers to it, labelled with
 * the referring arguments; a dotted arrow for each `depends_on` entry; and one group per provider
 * configuration (aliases included, with their region), so a cross-region stack shows what goes where.
 *
 * It works on any cdktf stack: types it doesn't know are drawn like any other. The same JSON always
 * gives the same text. `cdktf-alicloud-image-export graph <path>` prints what `mermaidOfPath` returns.
 *
 * @example
 * const synthesized = Testing.synth(stack);
 * const flowchart = DependencyDiagram.mermaid(synthesized);
 */
export class DependencyDiagram {
  /**
   * The Mermaid flowchart of one synthesized stack.
   *
   * @param stackJson the JSON text of a `cdk.tf.json`, e.g. the result of `Testing.synth(stack)`
   * @param stackName the name the diagram's `%% stack:` comment gives the stack
   *   (default: the stack name in the JSON's `//` metadata, or no comment when it has none)
   * @returns the flowchart, ending with a newline
   * @throws when the text is not a Terraform JSON configuration
   */
  public static mermaid(stackJson: string, stackName?: string): string {
    const graph = readStackGraph(stackJson);
    return renderMermaid(graph, stackName ?? graph.stackName);
  }

  /**
   * The flowcharts of the synthesized stacks at a path, as `cdktf-alicloud-image-export graph` prints them.
   *
   * Several stacks come in stack-name order, separated by a blank line.
   *
   * @param stackPath a cdktf output folder (`cdktf.out`, every `stacks/<stack>/cdk.tf.json` in it), one
   *   stack's folder (`cdktf.out/stacks/<stack>`), or a `cdk.tf.json` file
   * @returns the flowcharts, each ending with a newline
   * @throws when the path is missing, holds no synthesized stack, or a stack file can't be read as one
   */
  public static mermaidOfPath(stackPath: string): string {
    return diagramsAt(stackPath, process.cwd());
  }

  private constructor() {}
}

/**
 * What `mermaidOfPath` returns, for a path relative to `cwd`. Messages name files the way the caller
 * wrote the path.
 */
export function diagramsAt(stackPath: string, cwd: string): string {
  return stackFiles(stackPath, cwd)
    .map(({ file, shown, name }) => {
      let text: string;
      try {
        text = readTerraformJsonFile(file, shown).text;
      } catch (e) {
        if (e instanceof NotTerraformJsonError) throw new DiagramInputError(e.message);
        throw new DiagramInputError(`cannot read ${shown} (${(e as NodeJS.ErrnoException).code ?? e})`);
      }
      try {
        const graph = readStackGraph(text);
        return renderMermaid(graph, graph.stackName ?? name);
      } catch (e) {
        if (e instanceof NotAStackError) throw new DiagramInputError(`${shown} ${e.message}`);
        throw e;
      }
    })
    .join("\n");
}

interface StackFile {
  /** Where to read it. */
  readonly file: string;
  /** How messages name it. */
  readonly shown: string;
  /** The stack name its folder gives it. */
  readonly name: string;
}

function stackFiles(stackPath: string, cwd: string): StackFile[] {
  const resolved = path.resolve(cwd, stackPath);
  if (!fs.existsSync(resolved)) {
    throw new DiagramInputError(`${stackPath} does not exist; synthesize the app first (${SYNTH_COMMAND})`);
  }
  if (!fs.statSync(resolved).isDirectory()) {
    return [{ file: resolved, shown: stackPath, name: path.basename(path.dirname(resolved)) }];
  }
  const own = path.join(resolved, STACK_FILE);
  if (fs.existsSync(own)) {
    return [{ file: own, shown: path.join(stackPath, STACK_FILE), name: path.basename(resolved) }];
  }

  const stacksDir = path.join(resolved, "stacks");
  const names = fs.existsSync(stacksDir)
    ? fs
        .readdirSync(stacksDir)
        .filter((name) => fs.existsSync(path.join(stacksDir, name, STACK_FILE)))
        .sort(compare)
    : [];
  if (names.length === 0) {
    throw new DiagramInputError(
      `${stackPath} holds no synthesized stacks (no ${STACK_FILE}, no stacks/<stack>/${STACK_FILE}); pass the cdktf output folder or a stack's folder, after synthesizing the app (${SYNTH_COMMAND})`,
    );
  }
  return names.map((name) => ({
    file: path.join(stacksDir, name, STACK_FILE),
    shown: path.join(stackPath, "stacks", name, STACK_FILE),
    name,
  }));
}
