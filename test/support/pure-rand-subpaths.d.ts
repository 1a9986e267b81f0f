// fast-check 4's type declarations import pure-rand through subpaths of its package "exports"
// ("pure-rand/types/RandomGenerator"), which the node10 module resolution that tsconfig.dev.json gets
// from "module": "commonjs" doesn't read. These point the two subpaths at the files they name, so
// that `npm run typecheck` sees fast-check's types. Remove once tsconfig.dev.json resolves "exports"
// ("moduleResolution": "node16" or "bundler").
declare module "pure-rand/types/RandomGenerator" {
  export * from "pure-rand/lib/types/RandomGenerator";
}
declare module "pure-rand/types/JumpableRandomGenerator" {
  export * from "pure-rand/lib/types/JumpableRandomGenerator";
}
