import type { PassageIndex } from '../index/search-index.js'
import { editDistanceWithin } from '../language/spelling.js'
import { NUMBER_WORD, numberSpellings } from '../language/numbers.js'
import type { Knowledge } from './knowledge.js'

/** A content word of the question and the story's words it can stand for. */
export interface QueryTerm {
  /** The question's lemma. */
  term: string
  /** How much the term counts: rare in the story and in English weighs more. */
  weight: number
  /** Story terms this term matches, with how close each is in meaning (1 = the same word). */
  matches: Map<string, number>
}

export interface Candidate {
  /** Position in knowledge.passages. */
  passage: number
  /** The index's score (BM25 over the matched story terms). */
  searchScore: number
  /** Share of the query's weight the passage covers (0–1), closeness of meaning counted. */
  coverage: number
  /** Best sentence (index into passage.sentences) and the share its neighbourhood covers. */
  sentence: number
  sentenceCoverage: number
  /** Story terms that matched, by query term. */
  matched: Map<string, string[]>
  /** Query terms matched in the best sentence or the sentences beside it, with their closeness. */
  window: Map<string, number>
  score: number
}

export interface RetrievalOptions {
  /** Weight of each part of the final score. */
  weights: { search: number; coverage: number; sentence: number }
  /** Story words at least this close in meaning stand for a query word. */
  minRelatedness: number
  /** What a word in the sentence before or after counts for, against one in the sentence itself. */
  neighbourDiscount: number
  /** Most passages the index hands to the ranker. */
  maxHits: number
}

export const DEFAULT_RETRIEVAL: RetrievalOptions = {
  weights: { search: 0.2, coverage: 0.3, sentence: 0.5 },
  minRelatedness: 0.55,
  neighbourDiscount: 0.75,
  maxHits: 80,
}

/** A candidate chosen by other means than the query (a role, a record): shown as it is. */
export function pinnedCandidate(passage: number, sentence: number, score = 1): Candidate {
  return { passage, searchScore: 0, coverage: 1, sentence, sentenceCoverage: 1, matched: new Map(), window: new Map(), score }
}

/** Inverse document frequency; a term the story never uses weighs the most. */
export function termWeight(knowledge: Knowledge, frequency: number): number {
  return Math.log(1 + knowledge.passages.length / (frequency + 0.5))
}

/** Splits "wechatpay" into two story words ("wechat", "pay"), for words run together. */
function compoundParts(knowledge: Knowledge, term: string): string[] {
  for (let cut = 3; cut <= term.length - 2; cut++) {
    const head = term.slice(0, cut)
    const tail = term.slice(cut)
    if (knowledge.documentFrequency.has(head) && knowledge.documentFrequency.has(tail)) return [head, tail]
  }
  return []
}

/** The story terms a query lemma can stand for: itself, related words, and near spellings of a word the story lacks. */
export function storyMatches(knowledge: Knowledge, term: string, options: RetrievalOptions = DEFAULT_RETRIEVAL): Map<string, number> {
  const cached = knowledge.matchCache.get(term)
  if (cached) return cached
  const matches = new Map<string, number>()
  const { language } = knowledge
  const known = knowledge.documentFrequency.has(term)
  const misspelt = !known && !knowledge.language.isWord(term)
  const shorthandFor: string[] = []
  if (known) matches.set(term, 1)
  // A number is itself however it is written ("4", "four"; "a dozen", "12"), and nothing else.
  for (const spelling of numberSpellings(term)) if (spelling !== term && knowledge.documentFrequency.has(spelling)) matches.set(spelling, 1)
  // A name is only itself: "citi" is not JPMorgan, however near their vectors sit.
  const dictionaryWord = (word: string) => [word, word.replace(/ies$/, 'y'), word.replace(/e?s$/, '')].some((form) => language.isWord(form))
  const onlyName = (word: string) => knowledge.entityWords.has(word) && !knowledge.lowercaseWords.has(word) && !dictionaryWord(word)
  if (!/^\d/.test(term)) {
    const numberWord = NUMBER_WORD.test(term)
    const termIsName = onlyName(term)
    for (const storyTerm of knowledge.documentFrequency.keys()) {
      // Numbers are never near one another, whatever their vectors say ("nine", "fourth").
      if (storyTerm === term || /^\d/.test(storyTerm) || (numberWord && NUMBER_WORD.test(storyTerm))) continue
      const closeness = termIsName || onlyName(storyTerm) ? 0 : language.relatedness(term, storyTerm)
      if (closeness >= options.minRelatedness) matches.set(storyTerm, closeness)
      else if (!known && term.length >= 4 && storyTerm.startsWith(term)) matches.set(storyTerm, 0.8)
      else if (misspelt && term.length >= 5 && editDistanceWithin(term, storyTerm, Math.round(term.length * 0.2))) matches.set(storyTerm, 0.85)
      else if (misspelt && abbreviates(term, storyTerm)) shorthandFor.push(storyTerm)
    }
    // Of the words the letters could stand for ("people", "proposal" for "ppl"), the commonest in English.
    const [shorthand] = shorthandFor.sort((a, b) => language.rarity(a) - language.rarity(b))
    if (shorthand) matches.set(shorthand, 0.8)
    if (!known) for (const part of compoundParts(knowledge, term)) matches.set(part, 0.9)
  }
  knowledge.matchCache.set(term, matches)
  return matches
}

/**
 * Chat shorthand that drops vowels ("ppl" for people, "govt" for government): the typed letters,
 * in order, from the word's first letter to its ending, and no more than one vowel typed.
 */
function abbreviates(typed: string, word: string): boolean {
  if (typed.length < 2 || typed.length > 5 || word.length < typed.length + 2 || !word.startsWith(typed.charAt(0))) return false
  if ((typed.slice(1).match(/[aeiou]/g) ?? []).length > 1 || !word.slice(-2).includes(typed.at(-1) ?? '')) return false
  let at = 0
  for (const letter of word) if (letter === typed[at]) at++
  return at === typed.length
}

/** A word the story has nothing near counts less than a matched word as rare: chat and paraphrase bring many. */
const UNMATCHED_WEIGHT = 0.55

/**
 * Weighs and expands the question's content words: each by its lemma, or as typed when the
 * story has only that spelling ("defence" typed, lemmatised "defense", written "Defence"). A
 * `literal` word (part of a phrase the story lacks) is looked for as itself only.
 */
export function expandTerms(knowledge: Knowledge, lemmas: string[], surfaces: string[] = lemmas, literal: ReadonlySet<string> = new Set()): QueryTerm[] {
  const forms = lemmas.map((lemma, i) => {
    const typed = surfaces[i]
    return typed !== undefined && !knowledge.documentFrequency.has(lemma) && knowledge.documentFrequency.has(typed) ? typed : lemma
  })
  return [...new Set(forms)].map((term) => {
    const matches = literal.has(term) ? new Map(knowledge.documentFrequency.has(term) ? [[term, 1]] : []) : storyMatches(knowledge, term)
    const frequency = Math.max(0, ...[...matches.keys()].map((match) => knowledge.documentFrequency.get(match) ?? 0))
    const rarity = knowledge.language.rarity(term)
    const unmatched = matches.size === 0 ? UNMATCHED_WEIGHT : 1
    return { term, weight: termWeight(knowledge, frequency) * (0.25 + rarity) * unmatched, matches }
  })
}

/** How well one sentence's terms cover each query term: the closest match in it (0 when none). */
function closeness(terms: Set<string>, query: QueryTerm): number {
  let best = 0
  for (const [storyTerm, value] of query.matches) if (value > best && terms.has(storyTerm)) best = value
  return best
}

/**
 * Finds and ranks the passages for a question: the index's candidates re-scored by how much of
 * the question's weight the passage and the best sentence with its neighbours cover, closeness
 * of meaning counted, so a passage that shares only common words ranks low and can be refused.
 */
export function retrieve(knowledge: Knowledge, index: PassageIndex, query: QueryTerm[], options: Partial<RetrievalOptions> = {}): Candidate[] {
  const settings = { ...DEFAULT_RETRIEVAL, ...options }
  const { weights } = settings
  const boost = new Map<string, number>()
  for (const term of query) for (const [storyTerm, value] of term.matches) boost.set(storyTerm, Math.max(boost.get(storyTerm) ?? 0, value * term.weight))
  const hits = index
    .find([...boost.keys()], (term) => boost.get(term) ?? 1)
    .slice(0, settings.maxHits)
    .flatMap((hit) => {
      const position = knowledge.positions.get(hit.id)
      return position === undefined ? [] : [{ id: position, score: hit.score }]
    })
  if (hits.length === 0) return []
  const totalWeight = query.reduce((sum, term) => sum + term.weight, 0) || 1
  const topScore = hits[0]?.score ?? 1
  const termsOf = (passage: number) => knowledge.sentenceTerms[passage] ?? []
  const sentenceSets = (passage: number) => termsOf(passage).map((terms) => new Set(terms))
  const neighbourSet = (passage: number, sentence: number, step: -1 | 1): Set<string> | null => {
    const beside = termsOf(passage)[sentence + step]
    if (beside) return new Set(beside)
    if (knowledge.passages[passage + step]?.article !== knowledge.passages[passage]?.article) return null
    const terms = termsOf(passage + step)
    return new Set(step === 1 ? terms[0] : terms.at(-1))
  }

  const candidates = hits.map((hit): Candidate => {
    const sets = sentenceSets(hit.id)
    const all = new Set(sets.flatMap((set) => [...set]))
    const matched = new Map<string, string[]>()
    let covered = 0
    for (const term of query) {
      const found = [...term.matches.keys()].filter((storyTerm) => all.has(storyTerm))
      if (found.length) matched.set(term.term, found)
      covered += term.weight * closeness(all, term)
    }
    let sentence = 0
    let sentenceCoverage = -1
    let window = new Map<string, number>()
    sets.forEach((set, position) => {
      const before = neighbourSet(hit.id, position, -1)
      const after = neighbourSet(hit.id, position, 1)
      let share = 0
      const here = new Map<string, number>()
      for (const term of query) {
        const near = Math.max(before ? closeness(before, term) : 0, after ? closeness(after, term) : 0) * settings.neighbourDiscount
        const best = Math.max(closeness(set, term), near)
        if (best > 0) here.set(term.term, best)
        share += term.weight * best
      }
      share /= totalWeight
      if (share > sentenceCoverage) {
        sentenceCoverage = share
        sentence = position
        window = here
      }
    })
    const coverage = covered / totalWeight
    const score = weights.search * (hit.score / topScore) + weights.coverage * coverage + weights.sentence * sentenceCoverage
    return { passage: hit.id, searchScore: hit.score, coverage, sentence, sentenceCoverage, matched, window, score }
  })
  return candidates.sort((a, b) => b.score - a.score)
}
