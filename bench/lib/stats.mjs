// @ts-check
// Small statistics and formatting helpers shared by every part of the benchmark.

/** @param {readonly number[]} values */
export function sorted(values) {
  return [...values].sort((a, b) => a - b);
}

/**
 * Nearest-rank percentile (p in 0..100) of the samples: with 50 samples p95 is the 48th smallest, a
 * real observation rather than an interpolation between two.
 * @param {readonly number[]} values
 * @param {number} p
 */
export function percentile(values, p) {
  if (values.length === 0) return Number.NaN;
  const ordered = sorted(values);
  const rank = Math.max(1, Math.ceil((p / 100) * ordered.length));
  return /** @type {number} */ (ordered[rank - 1]);
}

/** @param {readonly number[]} values */
export function median(values) {
  if (values.length === 0) return Number.NaN;
  const ordered = sorted(values);
  const middle = ordered.length >> 1;
  return ordered.length % 2 === 1
    ? /** @type {number} */ (ordered[middle])
    : /** @type {number} */ (ordered[middle - 1] + /** @type {number} */ (ordered[middle])) / 2;
}

/** @param {readonly number[]} values */
export function summarize(values) {
  return { n: values.length, median: median(values), p95: percentile(values, 95), min: Math.min(...values), max: Math.max(...values) };
}

/** Milliseconds with a precision that suits their size: 0.042 ms, 3.21 ms, 245 ms. */
export function ms(value) {
  if (!Number.isFinite(value)) return '–';
  if (value < 1) return `${value.toFixed(3)} ms`;
  if (value < 100) return `${value.toFixed(2)} ms`;
  return `${Math.round(value)} ms`;
}

/** Bytes as KB / MB (1 KB = 1,024 bytes, as the targets mean it). */
export function bytes(value) {
  if (!Number.isFinite(value)) return '–';
  if (Math.abs(value) < 1024) return `${value} B`;
  if (Math.abs(value) < 1024 * 1024) return `${(value / 1024).toFixed(1)} KB`;
  return `${(value / 1024 / 1024).toFixed(2)} MB`;
}

/** @param {boolean | undefined} ok */
export function mark(ok) {
  return ok === undefined ? '–' : ok ? '✅' : '❌';
}
