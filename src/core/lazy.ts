/**
 * A value made on first use. Schemas and tables that only some requests need are built then, not while
 * the extension host loads the bundle.
 */
export function lazy<T>(make: () => T): () => T {
  let value: { readonly current: T } | undefined;
  return () => (value ??= { current: make() }).current;
}
