// Helpers for the suites that replay exports through the lifecycle simulation: an export stack
// synthesized with given options and read back the way the `retention` command reads it, and short
// views of what a bucket holds.
import { Testing } from "cdktf";
import { ImageExport, ImageExportProps } from "../../src";
import { RetentionReplay } from "../../src/retention/replay";
import { readStackRetention, StackRetention } from "../../src/retention/stack-reader";
import { stackInRegion } from "./synth-helpers";

/** A replay of one export's stack, with the names to drive it by. */
export interface ExportReplay {
  readonly replay: RetentionReplay;
  /** The export's address, for create/destroy/replace. */
  readonly export: string;
  /** The bucket's name in the replay (its address). */
  readonly bucket: string;
  readonly prefix: string;
  /** The construct, for its warnings. */
  readonly construct: ImageExport;
  /** The stack as the replay read it. */
  readonly stack: StackRetention;
}

/**
 * One ImageExport with `props` (prefix `nightly`; an image of its own unless `imageId` is given), synthesized,
 * then read from the JSON alone, as `retention` reads it.
 */
export function replayOf(props: ImageExportProps): ExportReplay {
  const stack = stackInRegion();
  const construct = new ImageExport(stack, "Export", { ossPrefix: "nightly", ...props });
  const retention = readStackRetention(Testing.synth(stack), "stack");
  const replay = new RetentionReplay(retention);
  const [bucket] = retention.buckets;
  return {
    replay,
    export: bucket.exports[0].address,
    bucket: bucket.name,
    prefix: "nightly",
    construct,
    stack: retention,
  };
}

/** What the replay's bucket holds: `key class|marker current|kept`, newest first within a key. */
export function holdings(r: ExportReplay): string[] {
  const { simulated } = r.replay.bucketList()[0];
  return simulated
    .versions()
    .map(
      (v) =>
        `${v.key} ${v.deleteMarker ? "marker" : v.storageClass} ${v.noncurrentSinceDay === undefined ? "current" : "kept"}`,
    );
}

/** Lets the replay's days pass up to `day`. */
export function toDay(r: ExportReplay, day: number): void {
  r.replay.passDays(day - r.replay.day);
}

/** The system-disk key of an image under the `nightly` prefix. */
export const sys = (image: string): string => `nightly_${image}_system.raw.tar.gz`;

/** The data-disk key the model gives an image's disk under the `nightly` prefix. */
export const data = (image: string, device: string): string => `nightly_${image}_data_${device}.raw.tar.gz`;
