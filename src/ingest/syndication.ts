import type { Passage } from './types.js'

export interface SyndicationOptions {
  /** Share of the shorter sentence's word pairs the other must carry for two passages to be one text… */
  threshold: number
  /** …and for a sentence to count as carried by the other outlet (its "also in"): a rewrite is not a copy. */
  sentenceThreshold: number
  /** Sentences with fewer word pairs than this are too short to judge. */
  minPairs: number
  /** Candidates come from the rarest word pairs each sentence shares with another passage: this many per sentence. */
  probePairs: number
  /** Most passages compared with (and linked to) any one passage, so huge stories stay linear. */
  maxCandidates: number
}

const DEFAULTS: SyndicationOptions = { threshold: 0.5, sentenceThreshold: 0.7, minPairs: 5, probePairs: 3, maxCandidates: 25 }

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
 * `alsoIn` with the linked passage ids, and each sentence's `alsoIn` with the passages that
 * carry that very sentence (in place); returns the number of passage links.
 */
export function linkSyndicated(passages: Passage[], options: Partial<SyndicationOptions> = {}): number {
  const { threshold, sentenceThreshold, minPairs, probePairs, maxCandidates } = { ...DEFAULTS, ...options }
  // Sentences too short to judge are left out; `judged` maps each kept one back to its place.
  const judged = passages.map((passage) =>
    passage.sentences.map((sentence, i) => ({ i, pairs: wordPairs(sentence.text) })).filter(({ pairs }) => pairs.size >= minPairs),
  )
  const sentencePairs = judged.map((sentences) => sentences.map(({ pairs }) => pairs))
  const sentenceLinks = passages.map((passage) => passage.sentences.map((sentence) => new Set(sentence.alsoIn ?? [])))
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
      if (linked[index]!.has(passages[other]!.id)) continue
      let similar = false
      sentencePairs[index]!.forEach((mine, i) => {
        sentencePairs[other]!.forEach((theirs, j) => {
          const shared = containment(mine, theirs)
          if (shared < threshold) return
          similar = true
          if (shared < sentenceThreshold) return
          sentenceLinks[index]![judged[index]![i]!.i]!.add(passages[other]!.id)
          sentenceLinks[other]![judged[other]![j]!.i]!.add(passage.id)
        })
      })
      if (!similar) continue
      linked[index]!.add(passages[other]!.id)
      linked[other]!.add(passage.id)
      links++
    }
  })
  passages.forEach((passage, index) => {
    passage.alsoIn = [...linked[index]!]
    passage.sentences.forEach((sentence, i) => (sentence.alsoIn = [...sentenceLinks[index]![i]!]))
  })
  return links
}
