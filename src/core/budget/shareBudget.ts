/**
 * Shares a budget among pieces that each want some amount: pieces that want less than an equal share
 * get what they want, and what they leave is shared among the rest ("water filling").
 */
export function shareBudget(wanted: readonly number[], budget: number): number[] {
  const granted = wanted.map(() => 0);
  let open = wanted.map((_, index) => index);
  let left = Math.max(0, budget);
  while (open.length > 0 && left > 0) {
    const share = Math.floor(left / open.length);
    const satisfied = open.filter((index) => (wanted[index] ?? 0) <= share);
    if (satisfied.length === 0) {
      for (const index of open) granted[index] = share;
      break;
    }
    for (const index of satisfied) {
      granted[index] = wanted[index] ?? 0;
      left -= wanted[index] ?? 0;
    }
    open = open.filter((index) => !satisfied.includes(index));
  }
  return granted;
}

/** Keeps the newest history messages that fit, in their order (RELIABILITY: history is cut first). */
export function newestThatFit<T>(items: readonly T[], cost: (item: T) => number, budget: number): T[] {
  const kept: T[] = [];
  let left = budget;
  for (let index = items.length - 1; index >= 0; index--) {
    const item = items[index] as T;
    const itemCost = cost(item);
    if (itemCost > left) break;
    kept.unshift(item);
    left -= itemCost;
  }
  return kept;
}
