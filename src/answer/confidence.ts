import type { Asked, EngineOptions } from './context.js'
import { type EntityRecord, type Knowledge, passageAt, saysInOwnVoice } from './knowledge.js'
import type { Candidate, QueryTerm } from './retrieve.js'
import { NUMBER_WORD, numberSpellings } from '../language/numbers.js'
import type { Token } from '../language/index.js'
import { locateTerms } from './extract.js'

/**
 * How far a passage can be trusted for a question:
 * - `answer`: it covers the question (enough of its weight, in one sentence and its neighbours,
 *   with every name and number the question gives);
 * - `closest`: it comes near, and is shown as the closest passage, never as the answer;
 * - `none`: not worth showing.
 */
export type Verdict = 'answer' | 'closest' | 'none'

/**
 * Names the question gives must be written in the passage or right beside it, in any of their
 * spellings ("Goldman" is met by "Goldman Sachs", "Keefe Bruyette" by "Keefe, Bruyette & Woods"), a
 * person by their surname.
 */
function meetsNames(knowledge: Knowledge, asked: Asked, candidate: Candidate): boolean {
  const { article } = passageAt(knowledge, candidate.passage)
  const words = new Set<string>()
  for (const index of [candidate.passage - 1, candidate.passage, candidate.passage + 1]) {
    if (knowledge.passages[index]?.article !== article) continue
    for (const sentence of knowledge.sentenceTerms[index] ?? []) for (const term of sentence) words.add(term)
  }
  const indexed = (word: string) => knowledge.documentFrequency.has(word)
  // The words of the name the question gives ("goldman" of Goldman Sachs), or else the whole name.
  const typed = new Set(asked.question.surfaces.flatMap((word) => word.split(/[^\p{L}\p{N}]+/u)))
  const written = (record: EntityRecord) => {
    const given = record.words.filter((word) => typed.has(word))
    return record.type === 'person' ? record.words.slice(-1) : given.length ? given : record.words
  }
  return asked.named.every((record) => written(record).every((word) => words.has(word) || !indexed(word)))
}

/**
 * "how much does Pemba weigh" is not told by "Kesang is a … snow leopard who weighs about 95
 * pounds", though Pemba is named in the next sentence: a sentence that opens on another of the kind
 * the question names, and does not name that one, tells of the other.
 */
function aboutAnother(knowledge: Knowledge, asked: Asked, candidate: Candidate): boolean {
  const passage = passageAt(knowledge, candidate.passage)
  const sentence = passage.sentences[candidate.sentence]
  if (!sentence) return false
  const from = sentence.start - passage.start
  const here = new Set(knowledge.sentenceTerms[candidate.passage]?.[candidate.sentence] ?? [])
  const opening = passage.entities.find((entity) => entity.offset === from)
  if (!opening) return false
  // "Marchetti said the board would not pay him any severance" is about what was said, of someone else.
  if (saysInOwnVoice(passage, opening.offset)) return false
  const type = knowledge.entities.get(opening.name)?.type
  return asked.named.some(
    (record) =>
      record.type === type && record.name !== opening.name && !record.words.some((word) => here.has(word) || opening.name.toLowerCase().includes(word)),
  )
}

/** Figures the question gives ("2004", "13%", "a third", "eight") must be in the answering sentence or beside it. */
function meetsFigures(knowledge: Knowledge, asked: Asked, candidate: Candidate): boolean {
  const figures = new Set(asked.question.figures)
  const { article } = passageAt(knowledge, candidate.passage)
  const around = [candidate.passage - 1, candidate.passage, candidate.passage + 1]
    .map((index) => knowledge.passages[index])
    .filter((passage) => passage?.article === article)
    .map((passage) => passage?.text ?? '')
    .join(' ')
  const isFigure = (term: QueryTerm) => /^\d/.test(term.term) || figures.has(term.term)
  // A number alone says nothing: "4 dead" is not met by "cost $4 million" (no one dead there).
  const words = asked.terms.filter((term) => !isFigure(term))
  if (words.length > 0 && words.length < asked.terms.length && !words.some((term) => candidate.window.has(term.term))) return false
  return asked.terms.every((term) => {
    if (!isFigure(term)) return true
    if (!candidate.window.has(term.term)) return false
    // "4 dead" is not met by "Nov. 4", nor "nine ppl" by "nine minutes": the figure must be used as the question uses it.
    const asked_ = usesOf(asked.question.text, term.term)
    // A bare number ("doing like 60 going into the bend") may leave its unit out: only a date is another use.
    if (asked_.has('plain') && !countsSomething(asked.question.tokens, term.term)) for (const [measure] of MEASURE_UNITS) asked_.add(measure)
    return asked_.size === 0 || [...usesOf(around, term.term)].some((use) => asked_.has(use))
  })
}

/** Units that make a number a measure of time, distance, speed or share, not a count of things: "12%" is no "12 hours". */
const MEASURE_UNITS: [Measure, RegExp][] = [
  // With the short forms people type: "40 mins", "3 yrs".
  ['time', /^[\s-]*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|months?|mos?|years?|yrs?|decades?)(?![\p{L}])/iu],
  ['distance', /^[\s-]*(?:miles?|feet|foot|yards?|inches)(?![\p{L}])/iu],
  ['speed', /^[\s-]*mph(?![\p{L}])/iu],
  ['share', /^[\s-]*(?:percent|per cent|%)(?![\p{L}])/iu],
]

type Measure = 'time' | 'distance' | 'speed' | 'share'

/** "71 years old", "a 29-year-old": an age, which news copy also gives bare ("Tasha Greer, 29,"). */
const AGE = /^[\s-]*years?[\s-]*old\b/i

type FigureUse = 'date' | 'plain' | Measure

/** Whether the question's number is followed by what it counts ("nine ppl", "4 people"), not left bare. */
function countsSomething(tokens: Token[], figure: string): boolean {
  // A word in -ing after the number is what was going on ("like 60 going into the bend"), whatever its tag.
  const counted = (next: Token | undefined) => (next?.pos === 'NOUN' || next?.pos === 'ADJ') && !/ing$/i.test(next.text)
  return tokens.some((token, i) => token.lemma === figure && counted(tokens[i + 1]))
}

/**
 * How a text uses a number: as the day of a date ("Nov. 4"), as a measure ("nine minutes",
 * "60 mph"), or as an amount ("4 dead", "nine of the injured", "$4 million").
 */
function usesOf(text: string, figure: string): Set<FigureUse> {
  const uses = new Set<FigureUse>()
  if (!/^\d+$/.test(figure) && !NUMBER_WORD.test(figure)) return uses
  const spelled = numberSpellings(figure).map((spelling) => (/^\d+$/.test(spelling) ? `(?<![\\d.,])${spelling}(?![\\d.,]\\d)` : `\\b${spelling}\\b`))
  for (const match of text.matchAll(new RegExp(spelled.join('|'), 'gi'))) {
    const before = text.slice(Math.max(0, match.index - 6), match.index)
    const after = text.slice(match.index + match[0].length)
    const measure = AGE.test(after) ? undefined : MEASURE_UNITS.find(([, unit]) => unit.test(after))?.[0]
    if (/\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+$/i.test(before)) uses.add('date')
    else uses.add(measure ?? 'plain')
  }
  return uses
}

/** The days and months of the calendar, a closed class of English. */
const CALENDAR_NAME = /^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|august|september|october|november|december)$/

/**
 * A day or month the question gives ("how much did the stock drop on monday") must be in the
 * answering sentence or beside it: "fell another 6% on Wednesday" tells of another day. A question
 * that asks when is answered by a time of its own.
 */
function meetsCalendar(knowledge: Knowledge, asked: Asked, candidate: Candidate): boolean {
  if (asked.question.type === 'date') return true
  const named = asked.question.tokens.filter((token) => token.pos !== 'VERB' && token.pos !== 'AUX' && CALENDAR_NAME.test(token.lemma))
  if (named.length === 0) return true
  const passage = passageAt(knowledge, candidate.passage)
  const around = [candidate.sentence - 1, candidate.sentence, candidate.sentence + 1].map((index) => passage.sentences[index]?.text ?? '').join(' ')
  // Written in full or cut short ("Aug. 19", "Wed.").
  return named.every((token) => new RegExp(`\\b${token.lemma.slice(0, 3)}`, 'i').test(around))
}

/** How close the passage's word must be to the event asked about: the same event, not a neighbouring topic. */
export const PREDICATE_CLOSENESS = 0.7

/**
 * A passage covering this much of the question is about the asked event even when it words the
 * event differently ("put money into" for "invested"); the date found must still belong to it (when.ts).
 */
const PARAPHRASED_EVENT_COVERAGE = 0.75

/** Likewise, when the question tells the event by a phrase whose verb alone says little ("put in", "come out"). */
const PHRASAL_EVENT_COVERAGE = 0.65

/** How close the candidate's own sentence, not the sentences beside it, comes to a question word (0 when it lacks it). */
export function eventClosenessHere(knowledge: Knowledge, term: QueryTerm, candidate: Candidate): number {
  const here = new Set(knowledge.sentenceTerms[candidate.passage]?.[candidate.sentence] ?? [])
  return Math.max(0, ...[...term.matches].filter(([word]) => here.has(word)).map(([, value]) => value))
}

/**
 * For a question about an event's date ("when did X *sign*", "when was the last tax *holiday*"),
 * the event is in the answering sentence or beside it, not only its topic ("the repatriation tax").
 */
function meetsPredicate(knowledge: Knowledge, asked: Asked, candidate: Candidate): boolean {
  const event = asked.predicate
  const term = asked.terms.find((each) => each.term === event)
  if (!term || asked.question.type !== 'date') return true
  // In the sentence itself: the sentence beside it tells of the event, but a time here would date another one.
  return (
    eventClosenessHere(knowledge, term, candidate) >= PREDICATE_CLOSENESS ||
    candidate.coverage >= (asked.phrasal ? PHRASAL_EVENT_COVERAGE : PARAPHRASED_EVENT_COVERAGE)
  )
}

/**
 * Kinds whose answer must also be found in the passage (a date, a figure, a doer): that check
 * guards them, so they need less of the question's wording.
 */
const CHECKED_BY_EXTRACTION = new Set(['date', 'duration', 'count', 'amount', 'measure', 'share', 'agent', 'speaker', 'possessor'])

/** How much of a claim's own words, past the names in it, a passage must tell: "Kestle Hill is back up and running" is not told by any sentence naming Kestle Hill. */
const CLAIM_WORDS_COVERAGE = 0.3

function meetsClaim(asked: Asked, candidate: Candidate): boolean {
  if (asked.question.type !== 'reporters') return true
  const nameWords = new Set(asked.named.flatMap((record) => record.words))
  const claim = asked.terms.filter((term) => !nameWords.has(term.term))
  const total = claim.reduce((sum, term) => sum + term.weight, 0)
  if (total === 0) return true
  const told = claim.reduce((sum, term) => sum + term.weight * (candidate.window.get(term.term) ?? 0), 0)
  return told / total >= CLAIM_WORDS_COVERAGE
}

/**
 * "FreshWay would owe Pellman's a fee" is not told by "Pellman's would owe FreshWay a fee": the
 * sentence has the names the question puts on either side of its verb, the other way round.
 */
function swapsRoles(knowledge: Knowledge, asked: Asked, candidate: Candidate): boolean {
  const { predicate } = asked
  const { tokens } = asked.question
  const at = tokens.findIndex((token) => token.lemma === predicate && token.pos === 'VERB')
  if (at < 0) return false
  const written = (record: EntityRecord, lemma: string) => record.words.some((word) => lemma === word || lemma === `${word}s`)
  const place = (record: EntityRecord) => tokens.findIndex((token) => written(record, token.lemma))
  const doer = asked.named.filter((record) => place(record) >= 0 && place(record) < at).at(-1)
  const done = asked.named.find((record) => place(record) > at)
  if (!doer || !done || doer === done) return false
  const sentence = passageAt(knowledge, candidate.passage).sentences[candidate.sentence]?.text ?? ''
  const located = locateTerms(sentence)
  const forms = new Set(candidate.matched.get(predicate ?? '') ?? [])
  const verb = located.find((term) => forms.has(term.term) && term.pos === 'VERB')
  const doerAt = located.find((term) => written(doer, term.term))
  const doneAt = located.find((term) => written(done, term.term))
  if (!verb || !doerAt || !doneAt) return false
  // "… was owed by Pellman's": a passive puts the doer after the verb.
  const passive = /\bby\b/i.test(sentence.slice(verb.end, doerAt.start))
  return !passive && doneAt.end <= verb.start && doerAt.start >= verb.end
}

/** The verdict on one candidate (see `Verdict`). */
export function judge(knowledge: Knowledge, asked: Asked, candidate: Candidate | undefined, options: EngineOptions): Verdict {
  if (!candidate || candidate.coverage < options.minClosestCoverage) return 'none'
  const bar = CHECKED_BY_EXTRACTION.has(asked.question.type) ? options.extractedDiscount : 1
  const covers = candidate.coverage >= options.minCoverage * bar && candidate.sentenceCoverage >= options.minSentenceCoverage * bar
  return covers &&
    meetsNames(knowledge, asked, candidate) &&
    !aboutAnother(knowledge, asked, candidate) &&
    meetsFigures(knowledge, asked, candidate) &&
    meetsCalendar(knowledge, asked, candidate) &&
    meetsPredicate(knowledge, asked, candidate) &&
    meetsClaim(asked, candidate) &&
    !swapsRoles(knowledge, asked, candidate)
    ? 'answer'
    : 'closest'
}
