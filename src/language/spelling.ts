/**
 * True when two words are at most `max` edits apart, an edit being an inserted, deleted or
 * replaced letter, or two neighbouring letters swapped ("vreis" → "vries").
 */
export function editDistanceWithin(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false
  let before: number[] = []
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      // Every cell read here is in range (rows hold b.length + 1 cells); a missing one would be unreachable.
      const deletion = previous[j] ?? Infinity
      const insertion = current[j - 1] ?? Infinity
      const substitution = previous[j - 1] ?? Infinity
      let cost = Math.min(deletion + 1, insertion + 1, substitution + (a[i - 1] === b[j - 1] ? 0 : 1))
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cost = Math.min(cost, (before[j - 2] ?? Infinity) + 1)
      current[j] = cost
    }
    before = previous
    previous = current
  }
  return (previous[b.length] ?? Infinity) <= max
}
