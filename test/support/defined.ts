/**
 * A value the test relies on being there, or a failure saying what was missing: the checked
 * form of a `!` assertion.
 */
export function defined<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`expected ${what}, found ${String(value)}`)
  return value
}
