// One timed synthesis: build the app in memory, then `app.synth()` as `cdktf synth` runs it (validations
// on, stack traces in the metadata, files written to the out dir).
import * as fs from "fs";
import * as path from "path";
import { App, TerraformStack } from "cdktf";
import type { Library } from "./library";
import { addExports, DerivedNames, Shape, STACK_ID, Variant } from "./stacks";

export interface SynthTiming {
  /** Building the construct tree (constructors, eager validation), in ms. */
  readonly buildMs: number;
  /** `app.synth()`: aspects, node validations, JSON rendering and writing, in ms. */
  readonly synthMs: number;
  /** Both, in ms. */
  readonly totalMs: number;
}

export interface Workload {
  readonly variant: Variant;
  readonly shape: Shape;
  readonly count: number;
  /** The names the construct derives, spelt out by the hand-written variant. */
  readonly names: readonly DerivedNames[];
}

const nanosToMs = (nanos: bigint): number => Number(nanos) / 1e6;

export function synthesize(lib: Library, workload: Workload, outdir: string): SynthTiming {
  const start = process.hrtime.bigint();
  const app = new App({ outdir });
  const stack = new TerraformStack(app, STACK_ID);
  addExports(lib, stack, workload.variant, workload.shape, workload.count, workload.names);
  const built = process.hrtime.bigint();
  app.synth();
  const end = process.hrtime.bigint();
  return {
    buildMs: nanosToMs(built - start),
    synthMs: nanosToMs(end - built),
    totalMs: nanosToMs(end - start),
  };
}

function withoutMetadata(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutMetadata);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== "//")
      .map(([key, inner]) => [key, withoutMetadata(inner)]),
  );
}

/** The stack's Terraform JSON from the last synth into `outdir`, without cdktf's `//` metadata. */
export function synthesizedConfig(outdir: string): unknown {
  const file = path.join(outdir, "stacks", STACK_ID, "cdk.tf.json");
  return withoutMetadata(JSON.parse(fs.readFileSync(file, "utf8")));
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}
