// The worker imports jsonc-parser's parser module itself, not the package's entry: the entry
// also runs the package's enum set-ups, which no bundler can drop, and they cost the worker
// about 0.5 kB gzip (its 60 kB budget, performance.md). The types are the package's own.
declare module 'jsonc-parser/lib/esm/impl/parser.js' {
  export { parseTree } from 'jsonc-parser';
}
