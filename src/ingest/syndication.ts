import type { Passage } from './types.js'

export interface SyndicationOptions {
  /** Share of the shorter sentence's word pairs the other must carry for the two to be one text. */
  threshold: number
  /** Sentences with fewer word pairs than this are too short to judge. */
  minPairs: number
}

const DEFAULTS: SyndicationOptions = { threshold: 0.5, minPairs: 5 }

/** Word pairs of a sentence, folded so light edits (quotes, possessives, case) do not matter. */
export function wordPairs(text: string): Set<string> {
  const words = text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/'s\b/g, '')
    .split(/[^\p{L}\p{N}$%]+/u)
    .filter((word) => word.length > 1 || /\d/.test(word))
  const pairs = new Set<string>()
  for (let i = 0; i + 1 < words.length; i++) pairs.add(`${words[i]} ${words[i + 1]}`)
  return pairs
}

/** How much of the smaller set the larger carries (0–1). */
export function containment(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  if (small.size === 0) return 0
  let shared = 0
  for (const pair of small) if (large.has(pair)) shared++
  return shared / small.size
}

/**
 * Links passages of different articles that carry the same text — a wire story and its copies,
 * rewrites with light edits — by comparing their sentences' word pairs. Fills each passage's
 * `alsoIn` with the linked passage ids (in place) and returns the number of links.
 */
export function linkSyndicated(passages: Passage[], options: Partial<SyndicationOptions> = {}): number {
  const { threshold, minPairs } = { ...DEFAULTS, ...options }
  const sentencePairs = passages.map((passage) =>
    passage.sentences.map((sentence) => wordPairs(sentence.text)).filter((pairs) => pairs.size >= minPairs),
  )
  const byPair = new Map<string, Set<number>>()
  sentencePairs.forEach((sentences, index) => {
    for (const pairs of sentences) for (const pair of pairs) {
      let holders = byPair.get(pair)
      if (!holders) byPair.set(pair, (holders = new Set()))
      holders.add(index)
    }
  })
  let links = 0
  passages.forEach((passage, index) => {
    const candidates = new Set<number>()
    for (const pairs of sentencePairs[index]!) for (const pair of pairs) for (const other of byPair.get(pair) ?? []) {
      if (other > index && passages[other]!.article !== passage.article) candidates.add(other)
    }
    for (const other of candidates) {
      const similar = sentencePairs[index]!.some((mine) => sentencePairs[other]!.some((theirs) => containment(mine, theirs) >= threshold))
      if (!similar) continue
      passage.alsoIn.push(passages[other]!.id)
      passages[other]!.alsoIn.push(passage.id)
      links++
    }
  })
  return links
}
