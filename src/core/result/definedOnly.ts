/**
 * The fields that have a value: an optional field without one is left out, not written as `undefined`
 * (plain data is compared and serialized field by field).
 */
export function definedOnly<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as T;
}
