import { FIGURES } from '../language/numbers.js'
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

const DEFAULTS: SyndicationOptions = { threshold: 0.5, sentenceThreshold: 0.7, minPairs: 5, probePairs: 6, maxCandidates: 25 }

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

/** The figures a sentence gives, in a canonical order: two sentences that differ in one report different facts. */
export function figuresOf(text: string): string {
  return (text.match(FIGURES) ?? [])
    .map((figure) => figure.toLowerCase())
    .sort()
    .join(' ')
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
  order: number
  passage: Passage
  sentences: { pairs: Set<string>; figures: string; alsoIn: Set<string> }[]
  /** The sentences long enough to judge. */
  judged: { pairs: Set<string>; figures: string; alsoIn: Set<string> }[]
  /** Every word pair of the judged sentences. */
  pairs: Set<string>
  alsoIn: Set<string>
}

/**
 * Links passages of different articles that carry the same text — a wire story and its copies,
 * rewrites with light edits — by comparing their sentences' word pairs. Articles can be added
 * and removed one at a time: only the changed article's passages are compared.
 */
export class SyndicationLinker {
  private readonly options: SyndicationOptions
  private readonly holders = new Map<string, Linking[]>()
  private readonly linkings = new Map<string, Linking>()
  private added = 0

  constructor(options: Partial<SyndicationOptions> = {}) {
    this.options = { ...DEFAULTS, ...options }
  }

  /** Adds passages (whole articles) and links them with each other and with those added before; returns the number of new passage links. */
  add(passages: Passage[]): number {
    const fresh = passages.map((passage) => this.track(passage))
    const compared = new Set<string>()
    return fresh.reduce((links, linking) => links + this.linkOne(linking, compared), 0)
  }

  /** Forgets passages and every link to them. */
  remove(ids: string[]): void {
    for (const id of ids) {
      const linking = this.linkings.get(id)
      if (!linking) continue
      this.linkings.delete(id)
      for (const pair of linking.pairs) {
        const list = this.holders.get(pair)?.filter((holder) => holder !== linking) ?? []
        if (list.length) this.holders.set(pair, list)
        else this.holders.delete(pair)
      }
      for (const other of linking.alsoIn) {
        const partner = this.linkings.get(other)
        if (!partner) continue
        partner.alsoIn.delete(id)
        for (const sentence of partner.sentences) sentence.alsoIn.delete(id)
      }
    }
  }

  /** Writes the links found into these passages (`alsoIn` of each passage and sentence), matched by passage id. */
  apply(passages: Passage[]): void {
    for (const passage of passages) {
      const linking = this.linkings.get(passage.id)
      if (!linking) continue
      passage.alsoIn = [...linking.alsoIn]
      passage.sentences.forEach((sentence, index) => (sentence.alsoIn = [...(linking.sentences[index]?.alsoIn ?? [])]))
    }
  }

  private track(passage: Passage): Linking {
    const sentences = passage.sentences.map((sentence) => ({
      pairs: wordPairs(sentence.text),
      figures: figuresOf(sentence.text),
      alsoIn: new Set(sentence.alsoIn ?? []),
    }))
    // Sentences too short to judge are left out.
    const judged = sentences.filter(({ pairs }) => pairs.size >= this.options.minPairs)
    const linking: Linking = {
      order: this.added++,
      passage,
      sentences,
      judged,
      pairs: new Set(judged.flatMap(({ pairs }) => [...pairs])),
      alsoIn: new Set(passage.alsoIn),
    }
    this.remove([passage.id])
    this.linkings.set(passage.id, linking)
    for (const pair of linking.pairs) {
      const list = this.holders.get(pair)
      if (list) list.push(linking)
      else this.holders.set(pair, [linking])
    }
    return linking
  }

  /**
   * Compares a passage with the passages of other articles sharing its rarest word pairs, each
   * pair of passages once (`compared` holds the pairs already compared in this batch).
   */
  private linkOne(linking: Linking, compared: Set<string>): number {
    const { threshold, sentenceThreshold, probePairs, maxCandidates } = this.options
    const { order, passage } = linking
    const holderCount = (pair: string) => this.holders.get(pair)?.length ?? 0
    const candidates = new Set<Linking>()
    for (const { pairs } of linking.judged) {
      const rarest = [...pairs]
        .filter((pair) => holderCount(pair) > 1)
        .sort((a, b) => holderCount(a) - holderCount(b))
        .slice(0, probePairs)
      for (const pair of rarest)
        for (const other of this.holders.get(pair) ?? []) {
          if (candidates.size >= maxCandidates) break
          if (other.passage.article === passage.article) continue
          const both = order < other.order ? `${order}:${other.order}` : `${other.order}:${order}`
          if (compared.has(both)) continue
          compared.add(both)
          candidates.add(other)
        }
    }
    let links = 0
    for (const other of candidates) {
      if (linking.alsoIn.size >= maxCandidates) break
      if (linking.alsoIn.has(other.passage.id)) continue
      let similar = false
      for (const mine of linking.judged)
        for (const theirs of other.judged) {
          const shared = containment(mine.pairs, theirs.pairs)
          if (shared < threshold) continue
          similar = true
          // "killing three people" and "killing four people" are one sentence edited, not the same report.
          if (shared < sentenceThreshold || mine.figures !== theirs.figures) continue
          mine.alsoIn.add(other.passage.id)
          theirs.alsoIn.add(passage.id)
        }
      if (!similar) continue
      linking.alsoIn.add(other.passage.id)
      other.alsoIn.add(passage.id)
      links++
    }
    return links
  }
}

/**
 * Links the passages of a whole story at once (see SyndicationLinker): fills each passage's
 * `alsoIn` with the linked passage ids, and each sentence's `alsoIn` with the passages that
 * carry that very sentence (in place); returns the number of passage links.
 */
export function linkSyndicated(passages: Passage[], options: Partial<SyndicationOptions> = {}): number {
  const linker = new SyndicationLinker(options)
  const links = linker.add(passages)
  linker.apply(passages)
  return links
}
