import { type RelatedCandidate } from '../../../src/core/related/relatedCode';
import { numberedLines } from '../support/helpers';

/** `src/db/orders.ts`: `findOrders` on lines 10–14 of a 60-line file, the rest filler. */
export const ORDERS_TEXT = numberedLines(60, (line) => {
  if (line === 10) return 'export async function findOrders(userId: string) {';
  if (line === 11) return '  const sql = "SELECT * FROM orders WHERE user_id = \'" + userId + "\'";';
  if (line === 12) return '  return db.query(sql);';
  if (line === 13) return '  // no LIMIT';
  if (line === 14) return '}';
  return `const filler${line} = ${line};`;
});

export function candidate(overrides: Partial<RelatedCandidate> = {}): RelatedCandidate {
  const label = overrides.label ?? 'src/db/orders.ts';
  return {
    key: `file:///ws/${label}`,
    label,
    matchPath: label,
    text: ORDERS_TEXT,
    startLine: 10,
    endLine: 14,
    symbol: 'findOrders',
    reason: 'definition',
    usedAt: 'src/routes/orders.ts:14',
    ...overrides,
  };
}

/** A file of `lines` lines holding one declaration `name` over all of them: a large related piece. */
export function bigCandidate(name: string, lines: number, reason: RelatedCandidate['reason'] = 'definition'): RelatedCandidate {
  const text = numberedLines(lines, (line) =>
    line === 1 ? `export function ${name}() {` : `  const step${line} = compute(${line}, "${name}");`,
  );
  return candidate({
    key: `file:///ws/src/${name}.ts`,
    label: `src/${name}.ts`,
    matchPath: `src/${name}.ts`,
    text,
    startLine: 1,
    endLine: lines,
    symbol: name,
    reason,
  });
}
