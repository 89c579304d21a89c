import { analyse, type NamedValue, type Token } from '../../language/index.js'
import { type AnswerContext, type Asked, quoted } from '../context.js'
import { lemmasOf, locateTerms } from '../extract.js'
import { type Candidate, storyMatches } from '../retrieve.js'
import type { Answer } from '../types.js'
import { strandedPreposition } from '../question.js'
import { answerWhen } from './when.js'
import { extractWho } from './who.js'

const VALUE_TYPES: Record<string, Set<string>> = {
  count: new Set(['CARDINAL']),
  amount: new Set(['MONEY', 'PERCENT']),
  measure: new Set(['CARDINAL', 'MONEY', 'PERCENT']),
  share: new Set(['PERCENT']),
  duration: new Set(['DURATION', 'DATE', 'TIME']),
}

/** Units after a number that make it a measure, not a count: ages, speeds, times of day, percentages. */
const MEASURE_UNIT = /^(?:\s*-?\s*(?:years?-old|year-old|mph|km\/h|miles? (?:an|per) hour|percent|per cent|%|a\.m\.|p\.m\.|o'clock))/i

/** A length of time: an amount of a unit ("two weeks", "45 days", "a year"), not a day ("Wednesday") or a time ("5:55 p.m."). */
const LENGTH_OF_TIME =
  /\b(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|few|many)\b.*\b(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b/i

/** Shares written as words: "a third", "two-thirds", "half", "the majority". */
const FRACTION =
  /\b(?:(?:a|one|two|three|four)[- ](?:half|halves|third|thirds|quarter|quarters|fifth|fifths|tenth|tenths)|half|(?:the\s+)?(?:majority|minority|bulk))\b/gi

const MIN_ANCHOR_RARITY = 0.5
/** How close in meaning a question's word must be to the story's to anchor a figure. */
const MIN_ANCHOR_CLOSENESS = 0.75

/** Words right before a figure that say how exact it is. */
const QUALIFIER =
  /\b(?:a\s+["“]?couple(?: of)?|a few|several|some|about|around|roughly|nearly|almost|approximately|more than|less than|fewer than|over|under|up to|at least|at most)\s+["“]?$/i

/** A figure found in a sentence, and how far it stands from the words the question matched. */
export interface Figure {
  text: string
  distance: number
  /** The noun the figure counts ("citation" of "14 citations"), if it says. */
  counted: string | null
}

/** What `figureIn` needs to know of the question beyond the candidate. */
export interface FigureOptions {
  /** How much a word says in English (words that say little do not anchor a figure). */
  rarity: (word: string) => number
  /** Whether a noun is what the question counts ("ppl" → people). */
  counts: (noun: string) => boolean
  /** The question names what it counts ("how many *passengers*"). */
  focused: boolean
  /** Whether a word before the counted noun is one the question describes it by ("annual" for "how many *yearly* payments"). */
  describes: (word: string) => boolean
  /** The story's words for the deed asked about ("voted"): where the sentence has one, the figure is in its clause. */
  event: ReadonlySet<string>
  /** Whether a story word is what "how much <noun>" asks the amount of ("rent" → lease). */
  measures: (word: string) => boolean
  /** The preposition the question ends on ("close at", "cut to"): the figure the sentence puts after it answers. */
  preposition: string | null
}

/** A mark between clauses; not the comma of a number ("2,300"). */
const CLAUSE_MARK = /[;:—–]|,(?!\d{3}\b)/

const FIGURE_DEFAULTS: FigureOptions = {
  rarity: () => 1,
  counts: () => false,
  focused: false,
  describes: () => false,
  event: new Set(),
  measures: () => false,
  preposition: null,
}

/**
 * The figure of the sentence that measures what was asked: of the values of the right kind,
 * the one nearest the words the question matched ("how much is Ant worth" → the valuation,
 * not the IPO raise in the same sentence). With its counted noun for "how many".
 */
export function figureIn(sentence: string, candidate: Candidate, kind: string, options: Partial<FigureOptions> = {}): Figure | null {
  const { rarity, counts, focused, describes, event, measures, preposition } = { ...FIGURE_DEFAULTS, ...options }
  const wanted = VALUE_TYPES[kind]
  if (!wanted) return null
  // A number that is an age, a speed, a time or a share measures that, not a count of things.
  // "Gerald Foss, 84, a retired machinist": a number set off after a name is the person's age.
  const age = (value: NamedValue) => /\p{Lu}[\p{L}'’.-]*,\s*$/u.test(sentence.slice(0, value.start)) && /^\s*,/.test(sentence.slice(value.end))
  const located = locateTerms(sentence)
  // "Flight 418", "Line 7", "routes 4 and 11": a number written after a noun names one of them; it counts or measures nothing.
  const afterNoun = (at: number) => located.some((word) => (word.pos === 'NOUN' || word.pos === 'PROPN') && /^\s+$/.test(sentence.slice(word.end, at)))
  const label = (value: NamedValue) => /^\d+$/.test(value.text) && (afterNoun(value.start) || afterNoun(labelListStart(sentence, value.start)))
  const measuresOther = (value: NamedValue) =>
    label(value) ||
    // "2017 pay packages" is a year: counts of a thousand or more are written with a comma.
    (kind === 'count' && (MEASURE_UNIT.test(sentence.slice(value.end)) || age(value) || /^(?:19|20)\d\d$/.test(value.text))) ||
    (kind === 'measure' && /^(?:19|20)\d\d$/.test(value.text)) ||
    // "several weeks ago" is when, not how long.
    (kind === 'duration' && (!LENGTH_OF_TIME.test(value.text) || /\bago\b/i.test(`${value.text}${sentence.slice(value.end, value.end + 4)}`)))
  // "how much rock": a quantity of it ("about 12,000 tons of rock") is an amount too.
  const quantityOfAsked = (value: NamedValue) => {
    const of = /^\s+[\p{L}-]+\s+of\s+((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)/u.exec(sentence.slice(value.end))?.[1]
    return kind === 'amount' && value.type === 'CARDINAL' && of !== undefined && measures(headNoun(of) ?? '')
  }
  // "how many days until …": a length in the units asked ("in 45 days") counts them.
  const unitsAsked = (value: NamedValue) => kind === 'count' && value.type === 'DURATION' && locateTerms(value.text).some((term) => counts(term.term))
  const values: NamedValue[] = analyse(sentence)
    .values.map((value) => withHyphenatedMagnitude(sentence, value))
    // "how much cash": an amount of it, not a rate ("cash … subject to a 15.5 percent rate").
    .filter((value) => !(kind === 'amount' && focused && value.type === 'PERCENT'))
    .filter((value) => (wanted.has(value.type) || quantityOfAsked(value) || unitsAsked(value)) && !measuresOther(value))
  if (kind === 'share')
    for (const match of sentence.matchAll(FRACTION)) values.push({ text: match[0], type: 'FRACTION', start: match.index, end: match.index + match[0].length })
  if (values.length === 0) return null
  // Anchored on the words that say what is measured ("revenue", "worth"), not on common verbs ("comes", "gets"), nor on a
  // word only near in meaning ("cash" for "worth": "$41.25 a share in cash" is no deal's worth).
  const closely = [...candidate.matched].filter(([term]) => (candidate.window.get(term) ?? 0) >= MIN_ANCHOR_CLOSENESS)
  const matchedTerms = new Set(closely.flatMap(([, forms]) => forms))
  const matchedHere = locateTerms(sentence).filter((located) => matchedTerms.has(located.term))
  const rare = matchedHere.filter((located) => rarity(located.term) >= MIN_ANCHOR_RARITY)
  const anchors = rare.length ? rare : matchedHere
  if (anchors.length === 0 && kind !== 'count') return null
  const distance = (value: NamedValue) =>
    Math.min(
      ...anchors.map((anchor) => (anchor.start >= value.end ? anchor.start - value.end : anchor.end <= value.start ? value.start - anchor.end : 0)),
      1000,
    )
  // "how many passengers": a number of the things asked about comes first ("212 passengers", "68 people"),
  // and a number of other things ("14 investigators") is no answer.
  // "437,000 customers …, 41% more than the 310,000 it disclosed": a bare number counts what the number before it did.
  const countedNoun = (value: NamedValue): string | null => {
    // "in 45 days": a length of time counts its own unit.
    const unit = value.type === 'DURATION' ? locateTerms(value.text).find((term) => term.pos === 'NOUN')?.term : undefined
    const own = unit ?? nounAfter(value)
    if (own !== null) return own
    const previous = values.filter((other) => other.end <= value.start && nounAfter(other) !== null).at(-1)
    return previous ? nounAfter(previous) : null
  }
  const nounAfter = (value: NamedValue) => {
    const rest = sentence.slice(value.end)
    // "millions of American citizens" counts citizens: the last noun of the phrase after "of".
    const partitive = /^\s+of\s+((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)/u.exec(rest)?.[1]
    if (partitive) return headNoun(partitive)
    // "a four-month fight" counts months, "a 12-member board" members: the word joined to the number.
    const joined = /^-(\p{L}+)/u.exec(rest)?.[1]
    if (joined) return locateTerms(joined)[0]?.term ?? null
    return headOf(phraseAfter(value))?.term ?? null
  }
  const phraseAfter = (value: NamedValue) => /^\s+((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)\b/u.exec(sentence.slice(value.end))?.[1] ?? ''
  // "eight annual installments" for "how many yearly payments": the words before its noun describe it as asked.
  const described = (value: NamedValue) => {
    const phrase = phraseAfter(value)
    const head = headOf(phrase)
    return head !== null && locateTerms(phrase.slice(0, head.start)).some((word) => describes(word.term))
  }
  const countsAsked = (value: NamedValue) => kind === 'count' && counts(countedNoun(value) ?? '')
  const countsOther = (value: NamedValue) => kind === 'count' && focused && countedNoun(value) !== null && !countsAsked(value) && !described(value)
  // A count of the very noun asked, described as asked, first; then of the noun; then one described as asked; then a bare number.
  const countRank = (value: NamedValue) => (countsAsked(value) ? 2 : 0) + (kind === 'count' && described(value) ? 1 : 0)
  // "voted 5-4 …, ending a meeting attended by about 300 people": a figure across a comma from the asked deed is another's.
  const deeds = locateTerms(sentence).filter((located) => located.pos === 'VERB' && event.has(located.term))
  const sameClause = (value: NamedValue) =>
    deeds.length === 0 ||
    deeds.some((deed) => !CLAUSE_MARK.test(deed.end <= value.start ? sentence.slice(deed.end, value.start) : sentence.slice(value.end, deed.start)))
  // "how much rent": where the sentence names the rent (or a word for it), the amount is of it, not across a verb
  // ("would pay the remaining $270 million and sign a 30-year lease" gives no rent).
  const measured = kind === 'amount' || kind === 'measure' ? located.filter((term) => measures(term.term)) : []
  const between = (from: number, to: number) => located.filter((term) => term.start >= from && term.end <= to)
  const ofMeasured = (value: NamedValue) =>
    (measured.length === 0 && !((kind === 'amount' || kind === 'measure') && focused)) ||
    measured.some((term) => {
      const [from, to] = term.start >= value.end ? [value.end, term.start] : [term.end, value.start]
      // A word right before the measured noun modifies it, whatever its tag ("grant money"); another verb between starts another clause.
      const verbs = between(from, to).filter((word) => word.pos === 'VERB' && !/^\s$/.test(sentence.slice(word.end, term.start)))
      return to - from <= 60 && !/[;:—–]/.test(sentence.slice(from, to)) && verbs.length === 0
    })
  // "how much did the shares close at": "ended trading up 1.4% at $296.50".
  const introduced = (value: NamedValue) =>
    preposition !== null && new RegExp(`\\b${preposition}\\s+(?:about|around|roughly|nearly|almost|some)?\\s*$`, 'i').test(sentence.slice(0, value.start))
  const best = [...values]
    .filter((value) => !countsOther(value) && sameClause(value) && ofMeasured(value))
    .sort((a, b) => countRank(b) - countRank(a) || Number(introduced(b)) - Number(introduced(a)) || distance(a) - distance(b))[0]
  if (!best) return null
  // "about 30 feet", "a 7-year-old": a measure keeps the unit written after its number.
  const measureUnit = kind === 'measure' && best.type === 'CARDINAL' ? unitAfter(sentence.slice(best.end)) : undefined
  const unit = quantityOfAsked(best) ? /^\s+[\p{L}-]+/u.exec(sentence.slice(best.end))?.[0].trim() : measureUnit
  const counted = kind === 'count' ? countedWords(sentence.slice(best.end)) : unit
  // The words that qualify a figure belong to it: "a couple hundred", "more than 40 percent", "about $5 billion".
  const qualifier = QUALIFIER.exec(sentence.slice(0, best.start))?.[0] ?? ''
  const closing = /["“][^"”]*$/.test(qualifier) ? (/^["”]/.exec(sentence.slice(best.end))?.[0] ?? '') : ''
  const figure = `${qualifier}${best.text}${closing}`
  const joined = counted ? (counted.startsWith('-') ? `${figure}${counted}` : `${figure} ${counted}`) : figure
  // "with 212 passengers and nine crew members aboard": counts of the kind asked joined by "and" are one answer.
  const countEnd = (value: NamedValue) => {
    const rest = sentence.slice(value.end)
    const words = countedWords(rest)
    return words === undefined ? value.end : value.end + rest.indexOf(words) + words.length
  }
  const joinedTo = (a: NamedValue, b: NamedValue) => /^\s*,?\s+and\s+$/.test(sentence.slice(countEnd(a), b.start))
  const partner =
    kind === 'count'
      ? values.find(
          (other) => other !== best && countsAsked(other) && countedNoun(other) !== countedNoun(best) && (joinedTo(best, other) || joinedTo(other, best)),
        )
      : undefined
  const [first, last] = partner && partner.start < best.start ? [partner, best] : [best, partner]
  const text =
    partner && last && countsAsked(best) ? `${QUALIFIER.exec(sentence.slice(0, first.start))?.[0] ?? ''}${sentence.slice(first.start, countEnd(last))}` : joined
  return { text, distance: distance(best), counted: kind === 'count' ? countedNoun(best) : null }
}

/** The unit right after a number: a hyphenated one ("-year-old", "-foot") or the noun that follows ("feet", "pounds"). */
function unitAfter(rest: string): string | undefined {
  const hyphenated = /^-\p{L}+(?:-\p{L}+)*/u.exec(rest)?.[0]
  if (hyphenated) return hyphenated
  const word = /^\s+(\p{L}+)/u.exec(rest)?.[1]
  return word && locateTerms(word)[0]?.pos === 'NOUN' ? word : undefined
}

/** "US$35-billion IPO": the magnitude the tagger leaves after the hyphen belongs to the figure. */
function withHyphenatedMagnitude(sentence: string, value: NamedValue): NamedValue {
  const magnitude = /^-(?:thousand|million|billion|trillion)\b/i.exec(sentence.slice(value.end))?.[0]
  return magnitude ? { ...value, text: `${value.text}${magnitude}`, end: value.end + magnitude.length } : value
}

/** The last noun of the run of nouns and adjectives a phrase opens with ("American citizens" → citizen). */
function headNoun(phrase: string): string | null {
  let head: string | null = null
  let at = 0
  for (const located of locateTerms(phrase)) {
    if (!/^\s*$/.test(phrase.slice(at, located.start)) || !['NOUN', 'ADJ', 'PROPN'].includes(located.pos)) break
    if (located.pos === 'NOUN') head = located.term
    at = located.end
  }
  return head
}

/** Where a list of numbers ends before `at` ("4 and 11", "2, 3 or 5") starts: `at` when none does. */
function labelListStart(sentence: string, at: number): number {
  const list = /\d+(?:\s*(?:,|\band\b|\bor\b)\s*\d+)*\s*(?:,\s*)?(?:and|or|,)\s*$/.exec(sentence.slice(0, at))
  return list ? list.index : at
}

/** The words a count counts, up to their noun: "212 passengers", "230 people", "four crew members", "12-member". */
function countedWords(after: string): string | undefined {
  const joined = /^-\p{L}+/u.exec(after)?.[0]
  if (joined) return joined
  const words = /^\s+((?:[\p{L}-]+\s+){0,3}[\p{L}-]+)/u.exec(after)?.[1] ?? ''
  const noun = headOf(words)
  return noun ? words.slice(0, noun.end) : undefined
}

/**
 * The noun that heads the phrase a text opens with, past its adjectives and through a compound:
 * "permanent jobs to …" → jobs, "round trips on weekdays" → trips, "construction jobs" → jobs.
 */
function headOf(text: string): ReturnType<typeof locateTerms>[number] | null {
  const words = locateTerms(text).filter((located) => !located.term.includes('_'))
  const first = words.findIndex((located) => located.pos === 'NOUN')
  if (first < 0) return null
  let head = words[first] ?? null
  for (const next of words.slice(first + 1)) {
    if (!head || next.pos !== 'NOUN' || !/^\s+$/.test(text.slice(head.end, next.start))) break
    head = next
  }
  return head
}

/** What did X say (or did X say …), when the story never quotes X: refused rather than someone else's words. */
function unquotedSpeaker(context: AnswerContext, asked: Asked): string | null {
  const { type, tokens } = asked.question
  if ((type !== 'description' && type !== 'yesno') || !tokens.some((token) => token.lemma === 'say' || token.lemma === 'tell')) return null
  const speakers = asked.named
  const [first] = speakers
  return first && !speakers.some((record) => context.knowledge.speakers.has(record.name)) ? first.name : null
}

/** How close the noun after a number must be to the one asked about ("ppl" → people) to be what it counts. */
const COUNTED_CLOSENESS = 0.7

/** How much of the question a passage must cover to answer a figure question with an amount in words ("billions of dollars", "relatively small"). */
const WORDED_AMOUNT_COVERAGE = 0.75

/** An amount told in words, not figures: a closed class of English (number words by the dozen, words of size). */
const AMOUNT_IN_WORDS =
  /\b(?:(?:dozens|scores|hundreds|thousands|millions|billions|trillions) of|(?:small|large|big|tiny|huge|vast|modest|significant|substantial|sizable|sizeable|handful)\b)/i

/** A figure of the kind asked and the passage it stands in. */
interface Measured {
  candidate: Candidate
  figure: Figure
}

function sentenceOf(context: AnswerContext, candidate: Candidate): string {
  return context.passage(candidate).sentences[candidate.sentence]?.text ?? ''
}

/**
 * The figures of the answering passages, each in the passage's sentence or the one beside it;
 * `counts` says which nouns are the things asked about, and `anyone` that they are people of any kind.
 */
function figuresOf(
  context: AnswerContext,
  asked: Asked,
  answering: Candidate[],
  counts: (noun: string) => boolean,
  anyone: boolean,
  describes: (word: string) => boolean = () => false,
): Measured[] {
  const { question } = asked
  const { focus } = question
  const preposition = strandedPreposition(question.tokens)?.text.toLowerCase() ?? null
  return answering.flatMap((candidate) => {
    const event = new Set(asked.predicate ? (candidate.matched.get(asked.predicate) ?? []) : [])
    const options = {
      rarity: (word: string) => context.knowledge.language.rarity(word),
      counts,
      // A focus the story has no word for ("sigs") cannot tell a count of it from one of other things.
      focused: focus !== null && (question.type !== 'count' || storyMatches(context.knowledge, focus).size > 0),
      measures: counts,
      describes,
      preposition,
      event,
    }
    const figure = figureIn(sentenceOf(context, candidate), candidate, question.type, options)
    if (figure) return [{ candidate, figure }]
    // "… burned about 14,900 acres. Crews counted 187 homes destroyed": the passage's next sentence may count the very thing asked.
    const { sentences } = context.passage(candidate)
    const next = candidate.sentence + 1
    // A count of people, whoever they are, is no answer there when the passage's sentence tells of the deed asked and the
    // next does not ("… with 212 passengers aboard. Seventeen people were injured").
    const tellsDeed = (index: number) => lemmasOf(sentences[index]?.text ?? '').some((lemma) => event.has(lemma))
    const deedHere = anyone && tellsDeed(candidate.sentence) && !tellsDeed(next)
    const beside = question.type === 'count' && focus && sentences[next] && !deedHere ? figureIn(sentences[next].text, candidate, question.type, options) : null
    if (beside?.counted === focus) return [{ candidate: { ...candidate, sentence: next }, figure: beside }]
    // "how big a premium": the sentence beside that names the premium gives its size ("a premium of roughly 28%").
    const nounsAsked = new Set(focus ? [focus] : question.nouns)
    const names = (index: number) => lemmasOf(sentences[index]?.text ?? '').some((lemma) => nounsAsked.has(lemma) || counts(lemma))
    const naming = question.type === 'count' || names(candidate.sentence) ? undefined : [candidate.sentence - 1, next].find(names)
    const sized = naming === undefined ? null : figureIn(sentences[naming]?.text ?? '', candidate, question.type, options)
    if (sized && naming !== undefined) return [{ candidate: { ...candidate, sentence: naming }, figure: sized }]
    // "… she said. "We'll lose maybe $4,000 this week."": the sentence beside that tells of the deed asked gives its figure.
    if (question.type === 'count' || event.size === 0) return []
    const told = [next, candidate.sentence - 1].find(tellsDeed)
    const measuredBeside = told === undefined ? null : figureIn(sentences[told]?.text ?? '', candidate, question.type, options)
    return measuredBeside && told !== undefined ? [{ candidate: { ...candidate, sentence: told }, figure: measuredBeside }] : []
  })
}

/** Adjectives as common as "new", "other" or "total" describe nothing in particular. */
const DESCRIBING_RARITY = 0.55

/** The adjectives (or nouns, of a compound) right before the noun a question counts ("how many *yearly* payments", "*flight* hours"). */
function modifiersOf(tokens: Token[], focus: string | null, pos = 'ADJ'): string[] {
  const at = tokens.findIndex((token) => token.lemma === focus && token.pos === 'NOUN')
  const before = at < 0 ? [] : tokens.slice(0, at)
  const start = before.map((token) => token.pos !== pos).lastIndexOf(true) + 1
  return before.slice(start).map((token) => token.lemma)
}

/** ask: a free question; the best passages, with a short answer where its kind has one. */
export function answerAsk(context: AnswerContext, asked: Asked): Answer {
  const { base, question } = asked
  if (question.type === 'date') return answerWhen(context, asked)
  const silent = unquotedSpeaker(context, asked)
  if (silent) return context.refuse(base, `The story does not quote ${silent} on that.`)
  const candidates = context.rank(asked)
  const [best] = candidates
  const verdict = context.verdict(asked, best)
  if (verdict !== 'answer' || !best) return context.unanswered(asked, candidates, verdict)
  if (question.type in VALUE_TYPES) {
    // Of the passages that answer, the one whose figure stands nearest the words asked about.
    const { focus } = question
    const focusWords = focus ? storyMatches(context.knowledge, focus) : new Map<string, number>()
    // "how many people were on board": passengers, crew and riders are all people.
    const { language } = context.knowledge
    const people = focus !== null && [focus, ...focusWords.keys()].some((word) => word === 'people' || word === 'person')
    const counted = (noun: string) => noun === focus || (focusWords.get(noun) ?? 0) >= COUNTED_CLOSENESS
    const answering = candidates.filter((candidate) => context.verdict(asked, candidate) === 'answer').slice(0, 8)
    // With no count of the very thing asked: "how many ppl ride the bus" counts the riders, the people who ride,
    // and "how many people were on board" the passengers.
    const doers = focus ? question.lemmas.flatMap((lemma) => language.agentsOf(lemma)) : []
    const kinds = (noun: string) => doers.includes(noun) || (people && language.isPersonNoun(noun))
    // A count the words before its noun describe as the question does: "eight annual installments" for "how many yearly payments".
    const modifiers = modifiersOf(question.tokens, focus).filter((modifier) => language.rarity(modifier) >= DESCRIBING_RARITY)
    const describes = (word: string) => modifiers.some((modifier) => modifier === word || language.relatedness(modifier, word) >= COUNTED_CLOSENESS)
    const byFocus = figuresOf(context, asked, answering, counted, people, describes)
    const measured =
      byFocus.length || (doers.length === 0 && !people) ? byFocus : figuresOf(context, asked, answering, (noun) => counted(noun) || kinds(noun), people)
    // A passage well below the best answers only with a count of the very thing asked ("received 14 citations").
    // "how many flight hours": a compound's first nouns say which of the things it counts ("drive eleven hours" are none).
    const nameWords = new Set(asked.named.flatMap((record) => record.words))
    const compound = question.type === 'count' ? modifiersOf(question.tokens, focus, 'NOUN').filter((word) => !nameWords.has(word)) : []
    const tellsCompound = (candidate: Candidate) => {
      const lemmas = new Set(lemmasOf(sentenceOf(context, candidate)))
      return compound.every((word) => lemmas.has(word) || [...storyMatches(context.knowledge, word).keys()].some((match) => lemmas.has(match)))
    }
    const strong = measured.filter(
      ({ candidate, figure }) => (candidate.score >= best.score * 0.8 || (figure.counted !== null && figure.counted === focus)) && tellsCompound(candidate),
    )
    // "how much of the market does pellmans have": a figure in a sentence that names Pellman's, before one beside it.
    const namesAsked = (candidate: Candidate) => {
      const lemmas = new Set(lemmasOf(sentenceOf(context, candidate)))
      return asked.named.every((record) => record.words.some((word) => lemmas.has(word)))
    }
    const nearest = strong.sort((a, b) => Number(namesAsked(b.candidate)) - Number(namesAsked(a.candidate)) || a.figure.distance - b.figure.distance)[0]
    if (nearest) return context.found(base, [nearest.candidate, ...candidates.filter((other) => other !== nearest.candidate)], nearest.figure.text)
    // The passage answers in words ("a small percentage", "billions of dollars"): quoted, with no figure made up.
    // Without one, however well it covers the question's words, it does not say how much ("how many cases in Michigan").
    if (AMOUNT_IN_WORDS.test(sentenceOf(context, best)) && best.coverage >= WORDED_AMOUNT_COVERAGE) return context.found(base, candidates, null)
    return context.closest(asked, candidates, `The story gives no figure for ${quoted(base.query)}.`)
  }
  const who = question.type === 'agent' || question.type === 'speaker' || question.type === 'possessor'
  if (!who) return context.found(base, candidates, null)
  // "which european countries banned huawei": a passage that names none is only the closest.
  const named = extractWho(context, asked, best)
  return named ? context.found(base, candidates, named) : context.unanswered(asked, candidates, 'closest')
}
