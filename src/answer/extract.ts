import { fold, STOP_WORDS, termOf, terms } from '../index/analyze.js'
import type { EntityMention, Passage, QuoteMention } from '../ingest/types.js'
import type { TemporalMention } from '../ingest/annotate/dates.js'
import type { Candidate } from './retrieve.js'

/** What a who-question asks for. */
export type WhoForm = 'identify' | 'speaker' | 'possessor' | 'agent'

/** Reads the form of a who-question from its wording (not its topic). */
export function whoForm(query: string): WhoForm {
  const q = fold(query).trim()
  if (/^(who|which \w+)\s+(said|says|told|stated|warned|argued|claimed|added)\b/.test(q)) return 'speaker'
  if (/^whose\b|\bwho owns\b|\bowners?\b|\bowned by\b/.test(q)) return 'possessor'
  if (/^(who|what) (is|was|are|were)\b|^who's\b/.test(q)) return 'identify'
  if (/^(who|which)\b/.test(q)) return 'agent'
  return 'identify'
}

interface Located {
  term: string
  start: number
  end: number
}

/** The terms of a text with their character offsets. */
export function locateTerms(text: string): Located[] {
  const located: Located[] = []
  for (const match of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)) {
    const word = fold(match[0]).replace(/'s$|'$|\.$/g, '')
    if (!word || STOP_WORDS.has(word)) continue
    located.push({ term: termOf(word), start: match.index!, end: match.index! + match[0].length })
  }
  return located
}

/** The sentence a candidate points at, with its offset inside the passage. */
export function sentenceOf(passage: Passage, index: number): { text: string; offset: number } {
  const sentence = passage.sentences[index]!
  return { text: sentence.text, offset: sentence.start - passage.start }
}

function inSentence<T extends { offset: number }>(items: T[], offset: number, length: number): T[] {
  return items.filter((item) => item.offset >= offset && item.offset < offset + length)
}

/** Positions in the sentence of the words that matched the query. */
function matchedPositions(sentence: string, candidate: Candidate, exclude: Set<string>): Located[] {
  const docTerms = new Set<string>()
  for (const [term, matches] of candidate.matched) if (!exclude.has(term)) for (const match of matches) docTerms.add(match)
  return locateTerms(sentence).filter((located) => docTerms.has(located.term))
}

function isAbout(name: string, queryTerms: Set<string>): boolean {
  return terms(name).some((term) => queryTerms.has(term))
}

/** Who spoke the quote the sentence holds or sits in, or who the sentence says said it. */
export function speakerOf(passage: Passage, sentenceIndex: number): string | null {
  const { text, offset } = sentenceOf(passage, sentenceIndex)
  const quote: QuoteMention | undefined = passage.quotes.find(
    (q) => q.offset < offset + text.length && offset < q.offset + q.text.length,
  )
  if (quote?.speaker) return quote.speaker
  const entities = inSentence(passage.entities, offset, text.length).filter((entity) => entity.type !== 'place')
  const saying = /\b(said|says|told|stated|added|argued|warned)\b/.exec(text)
  if (!saying) return null
  const before = entities.filter((entity) => entity.offset - offset < saying.index)
  return before.at(-1)?.name ?? null
}

const POSSESSIVE = /^\p{Lu}[\p{L}\p{N}.&-]*(?:\s+\p{Lu}[\p{L}\p{N}.&-]*)*?['’]s?\s/u

/** The entity whose possession ("X’s Y", "Y, owned by X") the sentence names, not one the query names. */
export function possessorIn(passage: Passage, sentenceIndex: number, candidate: Candidate, queryTerms: Set<string>): string | null {
  const { text, offset } = sentenceOf(passage, sentenceIndex)
  const entities = inSentence(passage.entities, offset, text.length).filter((entity) => entity.type !== 'place')
  const targets = matchedPositions(text, candidate, new Set())
  let best: { name: string; distance: number } | null = null
  for (const entity of entities) {
    if (isAbout(entity.name, queryTerms)) continue
    const local = entity.offset - offset
    const possessive = POSSESSIVE.test(text.slice(local, local + 60))
    const ownedBy = /\b(owned|backed|run|operated) by\s*$/.test(text.slice(Math.max(0, local - 40), local))
    if (!possessive && !ownedBy) continue
    const distance = Math.min(...targets.map((target) => Math.abs(target.start - local)), 200)
    if (!best || distance < best.distance) best = { name: entity.name, distance }
  }
  return best?.name ?? null
}

/** The doer named before the matched verb: "X, Y and Z invested …" → "X, Y and Z". */
export function agentIn(passage: Passage, sentenceIndex: number, candidate: Candidate, queryTerms: Set<string>): string | null {
  const { text, offset } = sentenceOf(passage, sentenceIndex)
  const entities = inSentence(passage.entities, offset, text.length).filter(
    (entity) => entity.type !== 'place' && !isAbout(entity.name, queryTerms),
  )
  if (entities.length === 0) return relativeAntecedent(text, candidate)
  const positions = matchedPositions(text, candidate, new Set())
  for (const verb of positions) {
    const before = entities.filter((entity) => entity.offset - offset + entity.name.length <= verb.start)
    if (before.length === 0) continue
    const relative = relativeAntecedent(text.slice(0, verb.start), candidate)
    if (relative && /\bwho\s*$/.test(text.slice(0, verb.start))) return relative
    return spanOf(text, offset, sameClause(text, offset, before))
  }
  return relativeAntecedent(text, candidate) ?? spanOf(text, offset, [entities[0]!])
}

/** Entities of the last list before the verb: consecutive names joined by commas and "and". */
function sameClause(text: string, offset: number, before: EntityMention[]): EntityMention[] {
  const list = [before.at(-1)!]
  for (let i = before.length - 2; i >= 0; i--) {
    const gap = text.slice(before[i]!.offset - offset + surfaceLength(text, before[i]!, offset), list[0]!.offset - offset)
    if (!/^[\s,]*(and\s+|&\s+)?(the\s+)?$/.test(gap.replace(/\b(LLC|Inc|Ltd|Co|Corp)\.?/g, ''))) break
    list.unshift(before[i]!)
  }
  return list
}

function surfaceLength(text: string, entity: EntityMention, offset: number): number {
  const rest = text.slice(entity.offset - offset)
  return /^[^,;]*?(?=,|;| and | said|\s[a-z]|$)/.exec(rest)?.[0].length ?? entity.name.length
}

function spanOf(text: string, offset: number, list: EntityMention[]): string {
  const first = list[0]!
  const last = list.at(-1)!
  return text.slice(first.offset - offset, last.offset - offset + surfaceLength(text, last, offset)).replace(/[\s,]+$/, '')
}

/** "one of the officials who briefed reporters" → "one of the officials". */
function relativeAntecedent(text: string, candidate: Candidate): string | null {
  const match = /(?:^|,|\baccording to\s+)\s*((?:one|some|two|three|several|many|all|an?|the)\b[^,;]*?)\s+who\s+\w+/i.exec(text)
  if (!match || !candidate) return null
  return match[1]!.trim()
}

/** The first person or organisation of the sentence that the query does not already name. */
export function subjectIn(passage: Passage, sentenceIndex: number, queryTerms: Set<string>): string | null {
  const { text, offset } = sentenceOf(passage, sentenceIndex)
  const entities = inSentence(passage.entities, offset, text.length).filter(
    (entity) => (entity.type === 'person' || entity.type === 'organisation') && !isAbout(entity.name, queryTerms),
  )
  return entities.find((entity) => entity.type === 'person')?.name ?? entities[0]?.name ?? null
}

/**
 * The time the sentence gives for the matched event: the temporal expression nearest the
 * matched words that does not merely restate the question ("since regulators halted the IPO").
 */
export function timeIn(passage: Passage, sentenceIndex: number, candidate: Candidate, queryTerms: Set<string>): TemporalMention | null {
  const { text, offset } = sentenceOf(passage, sentenceIndex)
  const mentions = inSentence(passage.dates as TemporalMention[], offset, text.length).filter((mention) => {
    const mentionTerms = terms(mention.text)
    const restated = mentionTerms.filter((term) => queryTerms.has(term)).length
    return !(mentionTerms.length > 0 && restated / mentionTerms.length >= 0.5 && mention.kind === 'clause')
  })
  if (mentions.length === 0) return null
  const anchors = matchedPositions(text, candidate, new Set())
  const distance = (mention: TemporalMention) => {
    const at = mention.offset - offset
    return Math.min(...anchors.map((anchor) => Math.abs(anchor.start - at)), 1000)
  }
  const rank = (mention: TemporalMention) => distance(mention) - (mention.iso ? 25 : 0) + (mention.kind === 'duration' ? 20 : 0)
  return [...mentions].sort((a, b) => rank(a) - rank(b))[0]!
}
