import { attachmentsSource } from './attachmentsSource';
import { changesSource } from './changesSource';
import { type ContextInput, type ContextSource } from './contextSource';
import { relatedSource } from './relatedSource';

/**
 * Every kind of context, one entry each: adding a kind is its plain data in `ContextInput`, its
 * implementation of `ContextSource` and a line here. The request builder, the findings and the metadata
 * work on `ContextSource` alone.
 */
const SOURCES: { readonly [K in ContextInput['kind']]: (input: Extract<ContextInput, { kind: K }>) => ContextSource } = {
  attachments: (input) => attachmentsSource(input.sources),
  changes: (input) => changesSource(input.changes),
  related: (input) => relatedSource(input.candidates),
};

export function sourceFor(input: ContextInput): ContextSource {
  return (SOURCES[input.kind] as (input: ContextInput) => ContextSource)(input);
}
