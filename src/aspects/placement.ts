// Where ImageExportChecks sits. cdktf runs only the aspects of a stack and of what it holds, never those
// of the App above it, so `Aspects.of(app).add(new ImageExportChecks())` would check nothing. Two
// answers:
// - `app.synth()` (what `cdktf synth` runs) first hands checks added above a stack to the stack, so
//   they run there like any stack's aspect. cdktf has no hook for this: App.prototype.synth is wrapped,
//   once, when the first ImageExportChecks is made, and the wrapper does nothing else.
// - Testing.synth and Testing.fullSynth synthesize a stack without the App: there this library's
//   constructs refuse checks that sit above their stack, rather than let them pass silently.
// (The checks are recognized by a mark, so that the constructs need not load the aspect's module.)
import { App, Aspects, IAspect, TerraformStack } from "cdktf";
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

const WRAPPED = Symbol.for("cdktf-alicloud-image-export.runsChecksAboveStacks");

/**
 * Makes `app.synth()` run, in each stack, the ImageExportChecks added above it that cdktf would skip.
 * Idempotent; wraps the synth of the framework copy this library loads.
 */
export function runChecksAddedAboveStacks(): void {
  const prototype = App.prototype as unknown as { synth(): void; [WRAPPED]?: boolean };
  if (prototype[WRAPPED] === true) return;
  const synth = prototype.synth;
  Object.defineProperty(prototype, WRAPPED, { value: true });
  prototype.synth = function (this: App): void {
    adoptChecksFromAbove(this);
    return synth.call(this);
  };
}

/** Adds to each stack under `root` without checks of its own the nearest checks above it. */
export function adoptChecksFromAbove(root: IConstruct): void {
  for (const stack of root.node.findAll()) {
    if (!TerraformStack.isStack(stack) || Aspects.of(stack).all.some(isChecks)) continue;
    const above = stack.node.scopes
      .slice(0, -1)
      .flatMap((scope) => Aspects.of(scope).all.filter(isChecks))
      .pop();
    if (above !== undefined) Aspects.of(stack).add(above);
  }
}
