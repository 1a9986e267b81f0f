// Where ImageExportChecks sits. cdktf runs only the aspects of a stack and of what it holds, never those
// of the App above it, so `Aspects.of(app).add(new ImageExportChecks())` would check nothing. cdktf has
// no hook that would let the aspect notice; this library's constructs do, when their stack synthesizes,
// and refuse to let the checks pass silently. (The checks are recognized by a mark, so that the
// constructs need not load the aspect's module.)
import { Aspects, IAspect, TerraformStack } from "cdktf";
import { IConstruct } from "constructs";

const MARK = Symbol.for("cdktf-alicloud-image-export.ImageExportChecks");

/** Marks an ImageExportChecks instance. */
export function markAsImageExportChecks(aspect: IAspect): void {
  Object.defineProperty(aspect, MARK, { value: true });
}

function isChecks(aspect: IAspect): boolean {
  return (aspect as unknown as { [MARK]?: boolean })[MARK] === true;
}

/**
 * An ImageExportChecks added above a stack (to the App, with `Aspects.of(app)`), which cdktf never runs
 * for it: an error naming where it is and what to do, unless the stack has the checks too.
 */
export function misplacedChecks(stack: TerraformStack): string[] {
  if (Aspects.of(stack).all.some(isChecks)) return [];
  return stack.node.scopes
    .slice(0, -1)
    .filter((scope) => Aspects.of(scope).all.some(isChecks))
    .map(
      (scope) =>
        `ImageExportChecks is added to ${scope.node.path ? `'${scope.node.path}'` : "the App"}, above the stack ` +
        `'${stack.node.path}': cdktf runs only the aspects of a stack and of what it holds, so it checks nothing ` +
        "there. Add it to the stack, Aspects.of(stack).add(new ImageExportChecks()), or to every stack with " +
        "ImageExportChecks.applyTo(app)",
    );
}

const stacksChecked = new WeakSet<TerraformStack>();

/** Makes the stack of `scope` refuse, when it synthesizes, checks that sit above it. */
export function checkChecksPlacement(scope: IConstruct): void {
  const stack = TerraformStack.of(scope);
  if (stacksChecked.has(stack)) return;
  stacksChecked.add(stack);
  stack.node.addValidation({ validate: () => misplacedChecks(stack) });
}
