// A snapshot serializer for the cdktn project only. cdktf writes JSON with json-stable-stringify, which
// puts an empty object or array on two lines (`{` then `}` at the same indent); cdktn uses
// safe-stable-stringify, which writes `{}` and `[]`. Keys are sorted the same way by both. Re-spelling
// cdktn's empty collections the cdktf way lets one set of snapshots serve both flavours; nothing else
// is touched, so any other difference still fails the snapshot.
"use strict";

const EMPTY = /^( *)(.*)(\{\}|\[\])(,?)$/gm;
// The same without `g`: `test` on a global expression would carry lastIndex over to the next string.
const HAS_EMPTY = new RegExp(EMPTY.source, "m");

module.exports = {
  test: (value) => typeof value === "string" && /^[[{]/.test(value) && HAS_EMPTY.test(value),
  serialize: (value, config, indentation, depth, refs, printer) =>
    printer(
      value.replace(
        EMPTY,
        (_, indent, before, pair, comma) => `${indent}${before}${pair[0]}\n${indent}${pair[1]}${comma}`,
      ),
      config,
      indentation,
      depth,
      refs,
    ),
};
