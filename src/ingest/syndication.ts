import type { Passage } from './types.js'

export interface SyndicationOptions {
  /** Share of the shorter sentence's word pairs the other must carry for the two to be one text. */
  threshold: number
  /** Sentences with fewer word pairs than this are too short to judge. */
  minPairs: number
  /** Candidates come from the rarest word pairs each sentence shares with another passage: this many per sentence. */
  probePairs: number
  /** Most passages compared with (and linked to) any one passage, so huge stories stay linear. */
  maxCandidates: number
}

const DEFAULTS: SyndicationOptions = { threshold: 0.5, minPairs: 5, probePairs: 3, maxCandidates: 25 }

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
  const { threshold, minPairs, probePairs, maxCandidates } = { ...DEFAULTS, ...options }
  const sentencePairs = passages.map((passage) => passage.sentences.map((sentence) => wordPairs(sentence.text)).filter((pairs) => pairs.size >= minPairs))
  const holders = new Map<string, number[]>()
  sentencePairs.forEach((sentences, index) => {
    for (const pair of new Set(sentences.flatMap((pairs) => [...pairs]))) {
      const list = holders.get(pair)
      if (list) list.push(index)
      else holders.set(pair, [index])
    }
  })
  const linked = passages.map((passage) => new Set(passage.alsoIn))
  let links = 0
  passages.forEach((passage, index) => {
    const candidates = new Set<number>()
    for (const pairs of sentencePairs[index]!) {
      const rarest = [...pairs]
        .filter((pair) => holders.get(pair)!.length > 1)
        .sort((a, b) => holders.get(a)!.length - holders.get(b)!.length)
        .slice(0, probePairs)
      for (const pair of rarest)
        for (const other of holders.get(pair)!) {
          if (candidates.size >= maxCandidates) break
          if (other > index && passages[other]!.article !== passage.article) candidates.add(other)
        }
    }
    for (const other of candidates) {
      if (linked[index]!.size >= maxCandidates) break
      const similar = sentencePairs[index]!.some((mine) => sentencePairs[other]!.some((theirs) => containment(mine, theirs) >= threshold))
      if (!similar || linked[index]!.has(passages[other]!.id)) continue
      linked[index]!.add(passages[other]!.id)
      linked[other]!.add(passage.id)
      links++
    }
  })
  passages.forEach((passage, index) => (passage.alsoIn = [...linked[index]!]))
  return links
}
