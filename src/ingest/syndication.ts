import type { Passage, Sentence } from './types.js'

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

/** A passage being linked: its sentences with their word pairs, and the passages found to carry it and each sentence. */
interface Linking {
  index: number
  passage: Passage
  sentences: { sentence: Sentence; pairs: Set<string>; alsoIn: Set<string> }[]
  /** The sentences long enough to judge. */
  judged: { pairs: Set<string>; alsoIn: Set<string> }[]
  alsoIn: Set<string>
}

/**
 * Links passages of different articles that carry the same text — a wire story and its copies,
 * rewrites with light edits — by comparing their sentences' word pairs. Fills each passage's
 * `alsoIn` with the linked passage ids, and each sentence's `alsoIn` with the passages that
 * carry that very sentence (in place); returns the number of passage links.
 */
export function linkSyndicated(passages: Passage[], options: Partial<SyndicationOptions> = {}): number {
  const { threshold, sentenceThreshold, minPairs, probePairs, maxCandidates } = { ...DEFAULTS, ...options }
  const linkings: Linking[] = passages.map((passage, index) => {
    const sentences = passage.sentences.map((sentence) => ({ sentence, pairs: wordPairs(sentence.text), alsoIn: new Set(sentence.alsoIn ?? []) }))
    // Sentences too short to judge are left out.
    const judged = sentences.filter(({ pairs }) => pairs.size >= minPairs)
    return { index, passage, sentences, judged, alsoIn: new Set(passage.alsoIn) }
  })
  const holders = new Map<string, Linking[]>()
  for (const linking of linkings) {
    for (const pair of new Set(linking.judged.flatMap(({ pairs }) => [...pairs]))) {
      const list = holders.get(pair)
      if (list) list.push(linking)
      else holders.set(pair, [linking])
    }
  }
  const holderCount = (pair: string) => holders.get(pair)?.length ?? 0
  let links = 0
  for (const linking of linkings) {
    const { index, passage } = linking
    const candidates = new Set<Linking>()
    for (const { pairs } of linking.judged) {
      const rarest = [...pairs]
        .filter((pair) => holderCount(pair) > 1)
        .sort((a, b) => holderCount(a) - holderCount(b))
        .slice(0, probePairs)
      for (const pair of rarest)
        for (const other of holders.get(pair) ?? []) {
          if (candidates.size >= maxCandidates) break
          if (other.index > index && other.passage.article !== passage.article) candidates.add(other)
        }
    }
    for (const other of candidates) {
      if (linking.alsoIn.size >= maxCandidates) break
      if (linking.alsoIn.has(other.passage.id)) continue
      let similar = false
      for (const mine of linking.judged)
        for (const theirs of other.judged) {
          const shared = containment(mine.pairs, theirs.pairs)
          if (shared < threshold) continue
          similar = true
          if (shared < sentenceThreshold) continue
          mine.alsoIn.add(other.passage.id)
          theirs.alsoIn.add(passage.id)
        }
      if (!similar) continue
      linking.alsoIn.add(other.passage.id)
      other.alsoIn.add(passage.id)
      links++
    }
  }
  for (const { passage, sentences, alsoIn } of linkings) {
    passage.alsoIn = [...alsoIn]
    for (const { sentence, alsoIn: carriers } of sentences) sentence.alsoIn = [...carriers]
  }
  return links
}
