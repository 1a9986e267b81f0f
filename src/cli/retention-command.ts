// `cdktf-alicloud-image-export retention <cdktf.out | stack folder | cdk.tf.json> --nights N [--image-size 40GiB]
// [--json]`: replays one new export a night into each bucket a stack's exports write to, on a model of
// OSS (src/retention/), and prints what the buckets then hold. main.ts dispatches here.
import {
  NotTerraformJsonError,
  readTerraformJson,
  readTerraformJsonFile,
} from "../conformance/terraform-json";
import * as fs from "fs";
import * as path from "path";
import { replayNights } from "../retention/replay";
import { BucketReport, formatBucketReport, reportJson, reportNights } from "../retention/report";
import { readStackRetention, RetentionInputError, StackRetention } from "../retention/stack-reader";
import { SYNTH_COMMAND } from "../framework";
import { CliOutput, COMMAND } from "./output";

/** Exit statuses, as for the other commands: 0 when the replay is printed, 2 on bad input. */
export const EXIT_RETENTION_PRINTED = 0;
export const EXIT_CANNOT_REPLAY = 2;

/** The most nights one run replays (about 27 years). */
export const MAX_NIGHTS = 10000;

const STACK_FILE = "cdk.tf.json";

export const RETENTION_USAGE = `usage: ${COMMAND} retention <cdktf.out | cdktf.out/stacks/<stack> | cdk.tf.json> --nights N [--image-size SIZE] [--json]

Replays one new export a night for N nights (1-${MAX_NIGHTS}) into each bucket the stack's exports write to,
on a model of OSS written from its documented rules (src/retention/oss-bucket.ts lists them with their
sources): each night's new image replaces the export, whose destroy deletes the old system-disk file,
and the bucket's own versioning and lifecycle rules, read from the synthesized JSON, decide what stays.
Prints per bucket the backups by storage class and age, the oldest backup still restorable, delete
markers, data-disk files and a chart of backups by class over the nights. --image-size (e.g. 40GiB,
512MiB, 1TiB) adds the size in each class; --json prints the final state as data instead: per bucket
every object version with its key, storageClass, current and deleteMarker.

A bucket the stack does not create is replayed as OSS creates one (unversioned, no lifecycle rule).

Exit status: ${EXIT_RETENTION_PRINTED} when the replay (or, with --help, this usage) is printed, ${EXIT_CANNOT_REPLAY} on bad input (no such
path, a stack file that can't be read, no synthesized stacks, no alicloud_image_export, a lifecycle rule
or versioning known only at apply time, a wrong option).`;

interface Options {
  readonly path: string;
  readonly nights: number;
  readonly imageSizeGiB?: number;
  readonly json: boolean;
}

/** Runs `retention` with its operands (the words after `retention`) and returns the exit status. */
export function retentionCommand(operands: readonly string[], output: CliOutput, cwd: string): number {
  const fail = (problem: string, usage = false) => {
    output.error(`${COMMAND}: ${problem}${usage ? `\n\n${RETENTION_USAGE}` : ""}`);
    return EXIT_CANNOT_REPLAY;
  };
  if (operands.some((word) => word === "--help" || word === "-h")) {
    output.log(RETENTION_USAGE);
    return EXIT_RETENTION_PRINTED;
  }
  const parsed = parseOptions(operands);
  if (typeof parsed === "string") return fail(parsed, true);

  let stacks: StackRetention[];
  try {
    stacks = stacksAt(parsed.path, cwd);
  } catch (e) {
    if (e instanceof RetentionInputError) return fail(e.message);
    throw e;
  }
  const reports: BucketReport[] = stacks.flatMap((stack) =>
    reportNights(replayNights(stack, parsed.nights), parsed.imageSizeGiB),
  );
  if (parsed.json) {
    output.log(JSON.stringify(reportJson(reports, parsed.nights, parsed.imageSizeGiB), null, 2));
  } else {
    output.log(reports.map((report) => formatBucketReport(report, parsed.nights)).join("\n\n"));
  }
  return EXIT_RETENTION_PRINTED;
}

function parseOptions(operands: readonly string[]): Options | string {
  const paths: string[] = [];
  let nights: string | undefined;
  let imageSize: string | undefined;
  let json = false;
  for (let i = 0; i < operands.length; i++) {
    const word = operands[i];
    const [name, inline] = word.startsWith("--") ? splitOption(word) : [word, undefined];
    const value = () => inline ?? operands[++i];
    if (name === "--nights" || name === "--image-size") {
      const given = value();
      if (given === undefined) return `${name} needs a value`;
      if (name === "--nights") nights = given;
      else imageSize = given;
    } else if (name === "--json" && inline === undefined) json = true;
    else if (name.startsWith("-")) return `unknown option ${word}`;
    else paths.push(word);
  }
  if (paths.length !== 1) {
    return paths.length === 0
      ? "retention needs the folder to replay"
      : `expected one folder, got ${paths.length}`;
  }
  if (nights === undefined) return "retention needs --nights N, the number of nights to replay";
  if (!/^[0-9]+$/.test(nights) || Number(nights) < 1 || Number(nights) > MAX_NIGHTS) {
    return `--nights must be a whole number from 1 to ${MAX_NIGHTS}, got '${nights}'`;
  }
  let imageSizeGiB: number | undefined;
  if (imageSize !== undefined) {
    const match = /^([0-9]+(?:\.[0-9]+)?)(MiB|GiB|TiB)$/.exec(imageSize);
    if (!match || Number(match[1]) <= 0) {
      return `--image-size must be a size such as 40GiB, 512MiB or 1TiB, got '${imageSize}'`;
    }
    imageSizeGiB = Number(match[1]) * { MiB: 1 / 1024, GiB: 1, TiB: 1024 }[match[2] as "MiB" | "GiB" | "TiB"];
  }
  return { path: paths[0], nights: Number(nights), imageSizeGiB, json };
}

function splitOption(word: string): [string, string | undefined] {
  const equals = word.indexOf("=");
  return equals < 0 ? [word, undefined] : [word.slice(0, equals), word.slice(equals + 1)];
}

/**
 * The stacks at a path: a cdk.tf.json, a stack's folder, or the cdktf output folder (every stack that
 * holds an export; the others are left out). A path that can't be read (a folder where the stack file
 * should be, no permission) is a RetentionInputError that names it.
 */
function stacksAt(stackPath: string, cwd: string): StackRetention[] {
  try {
    return readStacksAt(stackPath, cwd);
  } catch (e) {
    if (e instanceof RetentionInputError || !isFileSystemError(e)) throw e;
    throw new RetentionInputError(`cannot read ${stackPath} (${e.code})`);
  }
}

function readStacksAt(stackPath: string, cwd: string): StackRetention[] {
  const resolved = path.resolve(cwd, stackPath);
  if (!fs.existsSync(resolved)) {
    throw new RetentionInputError(`${stackPath} does not exist; synthesize the app first (${SYNTH_COMMAND})`);
  }
  const read = (file: string, name: string, shown: string) =>
    readStackRetention(readFile(file, name, shown), name);
  if (!fs.statSync(resolved).isDirectory()) {
    return [read(resolved, path.basename(path.dirname(resolved)), stackPath)];
  }
  const own = path.join(resolved, STACK_FILE);
  if (fs.existsSync(own)) return [read(own, path.basename(resolved), path.join(stackPath, STACK_FILE))];
  const stacksDir = path.join(resolved, "stacks");
  const names = fs.existsSync(stacksDir)
    ? fs
        .readdirSync(stacksDir)
        .filter((name) => fs.existsSync(path.join(stacksDir, name, STACK_FILE)))
        .sort()
    : [];
  if (names.length === 0) {
    throw new RetentionInputError(
      `${stackPath} holds no synthesized stacks (no ${STACK_FILE}, no stacks/<stack>/${STACK_FILE}); pass the cdktf output folder or a stack's folder, after synthesizing the app (${SYNTH_COMMAND})`,
    );
  }
  const stacks: StackRetention[] = [];
  const withoutExports: string[] = [];
  for (const name of names) {
    const text = readFile(
      path.join(stacksDir, name, STACK_FILE),
      name,
      path.join(stackPath, "stacks", name, STACK_FILE),
    );
    if (!hasExport(text)) {
      withoutExports.push(name);
      continue;
    }
    stacks.push(readStackRetention(text, name));
  }
  if (stacks.length === 0) {
    throw new RetentionInputError(
      `${stackPath} holds no stack with an alicloud_image_export (${withoutExports.join(", ")}), so nothing writes to a bucket`,
    );
  }
  return stacks;
}

/**
 * A stack file's text, once it is known to be a Terraform JSON configuration. Messages name the stack
 * (`name`) for what the text holds, and the file as the caller wrote it (`shown`) when it can't be read.
 */
function readFile(file: string, name: string, shown: string): string {
  try {
    return readTerraformJsonFile(file, `${name}:`).text;
  } catch (e) {
    if (e instanceof NotTerraformJsonError) throw new RetentionInputError(e.message);
    if (isFileSystemError(e)) throw new RetentionInputError(`cannot read ${shown} (${e.code})`);
    throw e;
  }
}

/**
 * An error of a file-system call (EISDIR, EACCES, ...), which carries Node's code for it. Told by its
 * code, not by `instanceof Error`: Node's errors may come from another realm (as under jest).
 */
function isFileSystemError(e: unknown): e is { code: string } {
  return typeof e === "object" && e !== null && typeof (e as { code?: unknown }).code === "string";
}

/** Whether a stack's JSON declares an export; text that is no configuration counts, so that reading it says so. */
function hasExport(text: string): boolean {
  let document: { [key: string]: unknown };
  try {
    document = readTerraformJson(text, "");
  } catch {
    return true;
  }
  const resources = document.resource as { alicloud_image_export?: unknown } | undefined;
  return typeof resources === "object" && resources !== null && resources.alicloud_image_export !== undefined;
}
