import { STOP_WORDS, termOf, terms, words } from '../index/analyze.js'
import { editDistanceWithin, type Hit, type PassageIndex } from '../index/search-index.js'
import type { Knowledge } from './knowledge.js'

/** Words that only say what kind of answer is wanted; they carry no content to match. */
const ANSWER_KIND_TERMS = new Set(
  ['date', 'time', 'day', 'month', 'year', 'happen', 'long', 'often', 'name', 'role', 'job', 'title', 'size', 'amount', 'figure', 'wording', 'worded', 'word'].map(termOf),
)

export interface Candidate {
  /** Position in knowledge.passages. */
  passage: number
  /** The index's score (BM25 with expansions). */
  searchScore: number
  /** Share of the query's weight the passage covers (0–1). */
  coverage: number
  /** Best sentence (index into passage.sentences) and its share of the query's weight. */
  sentence: number
  sentenceCoverage: number
  /** Indexed terms that matched, by query term. */
  matched: Map<string, string[]>
  score: number
}

export interface RetrievalOptions {
  /** Weight of each part of the final score. */
  weights: { search: number; coverage: number; sentence: number }
}

const DEFAULTS: RetrievalOptions = { weights: { search: 0.35, coverage: 0.3, sentence: 0.35 } }

/** The content terms of a query, without repeats or words that only name the kind of answer. */
export function queryTerms(query: string): string[] {
  return [...new Set(terms(query).filter((term) => !ANSWER_KIND_TERMS.has(term)))]
}

const FOCUS_BOOST = 2

/** The noun a "what/which/how many X" question asks about ("what options …" → option). */
export function focusTerm(query: string): string | null {
  const match = /^\s*(?:what|which|how many)\s+([a-z][a-z'-]+)/i.exec(query)
  if (!match) return null
  return terms(match[1]!)[0] ?? null
}

/**
 * A fuzzy match must be a near miss of a word the story uses, not of a stem: "wilber" → "wilbur"
 * and "walet" → "wallet" stay; "weather" → (stem "weath") → "wealth" goes. Mutates the hits.
 */
function dropImplausibleMatches(knowledge: Knowledge, query: string, wanted: string[], hits: Hit[]): void {
  if (wanted.every((term) => knowledge.documentFrequency.has(term))) return
  const typed = new Map<string, string>()
  for (const word of words(query)) if (!STOP_WORDS.has(word)) typed.set(termOf(word), typed.get(termOf(word)) ?? word)
  const plausible = (term: string, docTerm: string) => {
    if (docTerm === term || docTerm.startsWith(term)) return true
    const word = typed.get(term)
    const storyWord = knowledge.wordOfTerm.get(docTerm)
    return !word || !storyWord || editDistanceWithin(word, storyWord, Math.max(1, Math.round(word.length * 0.2)))
  }
  for (const hit of hits) {
    for (const term of wanted) {
      const docTerms = hit.matched.get(term)
      if (!docTerms) continue
      const kept = docTerms.filter((docTerm) => plausible(term, docTerm))
      if (kept.length) hit.matched.set(term, kept)
      else hit.matched.delete(term)
    }
  }
}

/** Inverse document frequency; a term the story never uses weighs the most. */
export function termWeight(knowledge: Knowledge, term: string, matchedTerms: string[] = []): number {
  const total = knowledge.passages.length
  const frequency = Math.max(knowledge.documentFrequency.get(term) ?? 0, ...matchedTerms.map((t) => knowledge.documentFrequency.get(t) ?? 0))
  return Math.log(1 + total / (frequency + 0.5))
}

/**
 * Finds and ranks the passages for a query: the index's candidates re-scored by how much of the
 * query's weight the passage and its best sentence cover, so a passage that shares only common
 * words ranks low and can be refused.
 */
export function retrieve(knowledge: Knowledge, index: PassageIndex, query: string, wanted: string[] = queryTerms(query), options: Partial<RetrievalOptions> = {}): Candidate[] {
  const { weights } = { ...DEFAULTS, ...options }
  const hits = index.find(wanted, (term) => knowledge.documentFrequency.has(term))
  if (hits.length === 0) return []
  dropImplausibleMatches(knowledge, query, wanted, hits)
  const expansions = new Map<string, Set<string>>()
  for (const hit of hits) for (const [term, docTerms] of hit.matched) {
    const set = expansions.get(term) ?? new Set()
    for (const docTerm of docTerms) set.add(docTerm)
    expansions.set(term, set)
  }
  const focus = focusTerm(query)
  const weight = new Map(wanted.map((term) => [term, termWeight(knowledge, term, [...(expansions.get(term) ?? [])]) * (term === focus ? FOCUS_BOOST : 1)]))
  const totalWeight = [...weight.values()].reduce((sum, value) => sum + value, 0)
  const topScore = hits[0]!.score

  const candidates = hits.map((hit): Candidate => {
    const coverage = [...hit.matched.keys()].reduce((sum, term) => sum + (weight.get(term) ?? 0), 0) / totalWeight
    let sentence = 0
    let sentenceCoverage = -1
    knowledge.sentenceTerms[hit.id]!.forEach((sentenceTerms, position) => {
      let covered = 0
      for (const [term, docTerms] of hit.matched) if (docTerms.some((docTerm) => sentenceTerms.includes(docTerm))) covered += weight.get(term) ?? 0
      const share = covered / totalWeight
      if (share > sentenceCoverage) {
        sentenceCoverage = share
        sentence = position
      }
    })
    const score = weights.search * (hit.score / topScore) + weights.coverage * coverage + weights.sentence * sentenceCoverage
    return { passage: hit.id, searchScore: hit.score, coverage, sentence, sentenceCoverage, matched: hit.matched, score }
  })
  return candidates.sort((a, b) => b.score - a.score)
}
