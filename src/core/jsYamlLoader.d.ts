/**
 * js-yaml 3's loader module alone (its dumper stays out of the bundle). `safeLoad` reads YAML's data
 * types only (strings, numbers, booleans, null, dates, lists, maps, binary, sets, merge keys), never
 * JavaScript functions or regular expressions; it throws a YAMLException whose `mark` gives the line.
 */
declare module 'js-yaml/lib/js-yaml/loader.js' {
  export function safeLoad(input: string, options?: { readonly filename?: string }): unknown;
}
