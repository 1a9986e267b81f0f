// `cdktf-alicloud-image-export graph <cdktf.out | stack folder | cdk.tf.json>`: prints a Mermaid flowchart
// of each synthesized stack (see DependencyDiagram). main.ts dispatches here.
import { DiagramInputError, diagramsAt } from "../graph/dependency-diagram";
import { CliOutput, COMMAND } from "./output";

/** Exit statuses, as for `check`: 0 when the diagrams are printed, 2 when the command cannot run. */
export const EXIT_GRAPH_PRINTED = 0;
export const EXIT_CANNOT_GRAPH = 2;

export const GRAPH_USAGE = `usage: ${COMMAND} graph <cdktf.out | cdktf.out/stacks/<stack> | cdk.tf.json>

Prints a Mermaid flowchart of each synthesized stack, read from its JSON alone: a node per resource and
data source (type and construct path), a solid arrow from each block to the blocks that refer to it
(labelled with their arguments), a dotted arrow per depends_on entry, and a group per provider
configuration with its region. Several stacks are printed in name order, separated by a blank line.

Exit status: ${EXIT_GRAPH_PRINTED} when the diagrams are printed, ${EXIT_CANNOT_GRAPH} when there is nothing to draw (no such path, no
synthesized stacks, a stack file that is not a Terraform JSON configuration) or the command is wrong.`;

/** Runs `graph` with its operands (the words after `graph`) and returns the exit status. */
export function graphCommand(operands: readonly string[], output: CliOutput, cwd: string): number {
  if (operands.length !== 1) {
    const problem =
      operands.length === 0
        ? "graph needs the folder to draw"
        : `expected one folder, got ${operands.length}`;
    output.error(`${COMMAND}: ${problem}\n\n${GRAPH_USAGE}`);
    return EXIT_CANNOT_GRAPH;
  }
  let diagrams: string;
  try {
    diagrams = diagramsAt(operands[0], cwd);
  } catch (e) {
    if (!(e instanceof DiagramInputError)) throw e;
    output.error(`${COMMAND}: ${e.message}`);
    return EXIT_CANNOT_GRAPH;
  }
  output.log(diagrams.replace(/\n$/, ""));
  return EXIT_GRAPH_PRINTED;
}
