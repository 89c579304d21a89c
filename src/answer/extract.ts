import type { TemporalMention } from '../ingest/annotate/dates.js'
import type { EntityMention, Passage, QuoteMention } from '../ingest/types.js'
import { roleHead } from '../ingest/annotate/entities.js'
import { PERSON_ROLES } from '../ingest/annotate/lexicon.js'
import { analyse, isContent, loadLanguage, titleWord, type Token } from '../language/index.js'
import { MODALS } from './question.js'
import type { Candidate } from './retrieve.js'

interface Located {
  term: string
  start: number
  end: number
  pos: string
}

const LOCATED = new Map<string, Located[]>()
const MAX_LOCATED = 20_000

/**
 * The content lemmas of a text and the dictionary's phrases in it ("turned off" → turn_off, as
 * the index has them), with their character offsets (cached: sentences are asked about again).
 */
export function locateTerms(text: string): Located[] {
  let located = LOCATED.get(text)
  if (!located) {
    const { tokens } = analyse(text)
    const phrases = loadLanguage()
      .phrases(tokens)
      .map((phrase) => ({ ...phrase, head: tokens[phrase.first], tail: tokens[phrase.last] }))
      .flatMap(({ lemma, head, tail }) => (head && tail ? [{ term: lemma, start: head.start, end: tail.end, pos: head.pos }] : []))
    located = [...tokens.filter(isContent).map((token) => ({ term: token.lemma, start: token.start, end: token.end, pos: token.pos })), ...phrases]
    if (LOCATED.size >= MAX_LOCATED) LOCATED.clear()
    LOCATED.set(text, located)
  }
  return located
}

/** The content lemmas of a text. */
export function lemmasOf(text: string): string[] {
  return locateTerms(text).map((located) => located.term)
}

/** The sentence a candidate points at, with its offset inside the passage. */
export function sentenceOf(passage: Passage, index: number): { text: string; offset: number } {
  const sentence = passage.sentences[index]
  if (!sentence) throw new RangeError(`passage ${passage.id} has no sentence ${index}`)
  return { text: sentence.text, offset: sentence.start - passage.start }
}

function inSentence<T extends { offset: number }>(items: T[], offset: number, length: number): T[] {
  return items.filter((item) => item.offset >= offset && item.offset < offset + length)
}

/** The names the sentence holds (none if the passage has no such sentence). */
export function entitiesOf(passage: Passage, sentenceIndex: number): EntityMention[] {
  if (!passage.sentences[sentenceIndex]) return []
  const { text, offset } = sentenceOf(passage, sentenceIndex)
  return inSentence(passage.entities, offset, text.length)
}

/** Positions in the sentence of the words that matched the query. */
function matchedPositions(sentence: string, candidate: Candidate, exclude: Set<string>): Located[] {
  const docTerms = new Set<string>()
  for (const [term, matches] of candidate.matched) if (!exclude.has(term)) for (const match of matches) docTerms.add(match)
  return locateTerms(sentence).filter((located) => docTerms.has(located.term))
}

/** Characters of the sentence covered by entity names. */
function insideEntity(text: string, offset: number, entities: EntityMention[], at: number): boolean {
  return entities.some((entity) => {
    const start = entity.offset - offset
    return at >= start && at < start + surfaceLength(text, entity, offset)
  })
}

/** Who spoke the direct quote the sentence holds or sits in. */
export function quoteSpeakerOf(passage: Passage, sentenceIndex: number): string | null {
  const { text, offset } = sentenceOf(passage, sentenceIndex)
  const quote: QuoteMention | undefined = passage.quotes.find((q) => q.offset < offset + text.length && offset < q.offset + q.text.length)
  return quote?.speaker ?? null
}

/**
 * Who spoke the quote the sentence holds or sits in, or who the sentence says said it: the name
 * before the saying verb, or for "he said" / "she said" the last person named before it, here or
 * in the article's earlier passages (`earlier`, nearest last).
 */
export function speakerOf(passage: Passage, sentenceIndex: number, earlier: Passage[] = []): string | null {
  const { text, offset } = sentenceOf(passage, sentenceIndex)
  const quoted = quoteSpeakerOf(passage, sentenceIndex)
  if (quoted) return quoted
  const saying = /\b(said|says|told|stated|added|argued|warned|agreed|noted)\b/.exec(text)
  if (!saying) return null
  const entities = inSentence(passage.entities, offset, text.length).filter((entity) => entity.type !== 'place')
  const before = entities.filter((entity) => entity.offset - offset < saying.index)
  const pronoun = /\b(he|she)\s+(?:\w+\s+)?$/i.test(text.slice(0, saying.index))
  // "…, said Owen Threlkeld, a political scientist": after a comma, the speaker put after the verb ("Kellerman said Corvanta would …" is not).
  const afterComma = /[,”"]\s*$/.test(text.slice(0, saying.index))
  const inverted = afterComma ? entities.find((entity) => entity.offset - offset === saying.index + saying[0].length + 1) : undefined
  if (inverted) return inverted.name
  // "Nadia Breckenridge, who teaches at Easton Ridge School of Law, said": a name described after a comma is the subject, not the names in its description.
  const described = before.find((entity) => /^,\s*(?:who|whose|the|an?)\b/i.test(text.slice(entity.offset - offset + surfaceLength(text, entity, offset))))
  if (!pronoun) return (described ?? before.at(-1))?.name ?? null
  const people = (entities: EntityMention[]) => entities.filter((entity) => entity.type === 'person')
  const here = people(passage.entities.filter((entity) => entity.offset < offset + saying.index)).at(-1)
  if (here) return here.name
  for (const previous of [...earlier].reverse()) {
    const person = people(previous.entities).at(-1)
    if (person) return person.name
  }
  return null
}

/** Lemmas that say one thing owns another ("owner of the Alipay system"). */
const OWNING = new Set(['own', 'owner', 'parent'])
const POSSESSIVE = /^\p{Lu}[\p{L}\p{N}.&-]*(?:\s+\p{Lu}[\p{L}\p{N}.&-]*)*?['’]s?\s/u

/**
 * The entity whose possession ("X’s Y", "Y, owned by X") the sentence names, not one the query
 * names; the thing possessed is what the query asks about, not a name it gives (`nameTerms`:
 * "whose IPO record could Ant beat" asks for the record's holder, not Ant's owner).
 */
export function possessorIn(passage: Passage, sentenceIndex: number, candidate: Candidate, named: Set<string>, nameTerms = new Set<string>()): string | null {
  const { text, offset } = sentenceOf(passage, sentenceIndex)
  const entities = inSentence(passage.entities, offset, text.length).filter((entity) => entity.type !== 'place')
  const targets = matchedPositions(text, candidate, nameTerms)
  const matchedTerms = new Set(targets.map((target) => target.term))
  let best: { name: string; distance: number } | null = null
  for (const entity of entities) {
    if (named.has(entity.name)) continue
    const local = entity.offset - offset
    const possessive = POSSESSIVE.exec(text.slice(local, local + 60))
    const ownedBy = /(\S+(?:\s+\S+){0,3}),?\s+(?:owned|backed|run|operated) by\s*$/.exec(text.slice(Math.max(0, local - 60), local))
    const described =
      entity.role !== null &&
      lemmasOf(entity.role).some((term) => OWNING.has(term)) &&
      lemmasOf(entity.role).some((term) => !OWNING.has(term) && matchedTerms.has(term))
    // The possessed thing must be what was asked about: right after "X’s", or right before ", owned by X".
    const possessesTarget =
      possessive !== null && targets.some((target) => target.start >= local + possessive[0].length && target.start <= local + possessive[0].length + 25)
    const ownsTarget = ownedBy?.[1] !== undefined && lemmasOf(ownedBy[1]).some((term) => matchedTerms.has(term))
    if (!possessesTarget && !ownsTarget && !described) continue
    const distance = Math.min(...targets.map((target) => Math.abs(target.start - local)), 200)
    if (!best || distance < best.distance) best = { name: entity.name, distance }
  }
  return best?.name ?? null
}

/**
 * The doer of the matched verb (the asked event's, `event`, when the sentence has it): the names
 * listed before it ("X, Y and Z invested …"), the one after a passive verb ("championed from the
 * State Department"), or the antecedent of "who".
 */
/** A description set off after a name, up to a "who" that follows it: ", the attorney ", ", one of the two ". */
const APPOSITIVE = /^\s*,\s*(?:the|an?|his|her|its|their|(?:one|some|two|three|several|many|all|each|either|neither|none)\s+of)\s+[^,;]*$/i

export function agentIn(passage: Passage, sentenceIndex: number, candidate: Candidate, named: Set<string>, event: string | null = null): string | null {
  const { text, offset } = sentenceOf(passage, sentenceIndex)
  const all = inSentence(passage.entities, offset, text.length)
  const entities = all.filter((entity) => entity.type !== 'place' && !named.has(entity.name))
  const matched = matchedPositions(text, candidate, new Set()).filter((position) => !insideEntity(text, offset, all, position.start))
  const eventTerms = new Set(event ? (candidate.matched.get(event) ?? []) : [])
  const atEvent = matched.filter((position) => eventTerms.has(position.term))
  const verbs = atEvent.length ? atEvent : matched
  for (const verb of verbs) {
    // The title written before a name ("President-elect Joe Biden"): that name.
    const titled = entities.find(
      (entity) => entity.offset - offset > verb.start && entity.role?.endsWith(text.slice(verb.start, entity.offset - offset).trim()),
    )
    if (titled) return spanOf(text, offset, [titled])
    // "Whitlock met with leaders of the SGA": people the deed is told of by a noun are not the sentence's subject.
    if (verb.pos === 'NOUN' && loadLanguage().isPersonNoun(verb.term)) continue
    const upToVerb = text.slice(0, verb.end)
    const relative = /\bwho\b[^,;.]*$/.exec(upToVerb)
    if (relative) {
      const antecedent = entities.filter((entity) => entity.offset - offset < relative.index).at(-1)
      const gap = antecedent ? text.slice(antecedent.offset - offset + surfaceLength(text, antecedent, offset), relative.index) : ''
      // "Samuel Ferreira-Voss, the attorney who filed the suit": the one the appositive describes.
      if (antecedent && (/^[\s,]*$/.test(gap) || APPOSITIVE.test(gap))) return spanOf(text, offset, [antecedent])
      const phrase = relativeAntecedent(upToVerb)
      if (phrase) return phrase
    }
    // "restrict Ant Group’s and Tencent’s payment systems": a name in the possessive only says whose something is.
    const possessive = (entity: EntityMention) => {
      const start = entity.offset - offset
      return /['’]s\s*$/.test(text.slice(start, start + surfaceLength(text, entity, offset)))
    }
    const agent = /^\s+(?:by|from)\s/.test(text.slice(verb.end)) ? agentAfter(text, offset, entities, verb.end, possessive) : undefined
    if (agent) return spanOf(text, offset, [agent])
    const before = entities.filter((entity) => entity.offset - offset + entity.name.length <= verb.start && !possessive(entity))
    // "Brannigan, whose district includes all of Tamsen County, toured the shelter": the nearest name whose clause the verb is in.
    const gapTo = (entity: EntityMention) => text.slice(entity.offset - offset + surfaceLength(text, entity, offset), verb.start)
    const subject = [...before]
      .reverse()
      .find((entity, i) => !otherClause(gapTo(entity)) && (i === 0 || /^\s*,\s*(?:who|whose|which|the|an?)\b/i.test(gapTo(entity))))
    if (subject) return spanOf(text, offset, sameClause(text, offset, before.slice(0, before.indexOf(subject) + 1)))
  }
  // "… one of the officials, who briefed reporters": the one described, if the asked deed is theirs, in the
  // clause that describes them ("The Illinois patient who died …, according to a lawsuit his family filed" names no filer).
  const described = /(?:^|,|\baccording to\s+)\s*(?:one|some|two|three|several|many|all|an?|the)\b[^,;]*?\s+who\s+([^,;]*)/iu.exec(text)
  const asked = eventTerms.size ? eventTerms : new Set(matched.map((position) => position.term))
  return lemmasOf(described?.[1] ?? '').some((deed) => asked.has(deed)) ? relativeAntecedent(text) : null
}

/**
 * The name after "by": itself, or past a possessive the one it names ("run by Voskuil's
 * brother-in-law, Kurt Ellery"), or no one ("by Voskuil's lawyer" names no lawyer).
 */
function agentAfter(
  text: string,
  offset: number,
  entities: EntityMention[],
  from: number,
  possessive: (entity: EntityMention) => boolean,
): EntityMention | undefined {
  const after = entities.filter((entity) => entity.offset - offset >= from)
  const [first, next] = after
  if (!first || !possessive(first)) return first
  const gap = next ? text.slice(first.offset - offset + surfaceLength(text, first, offset), next.offset - offset) : ''
  return next && /^\s*[\p{L}-]+(?:\s+[\p{L}-]+){0,2}\s*,\s*$/u.test(gap) ? next : undefined
}

/**
 * Whether the words between a name and a verb open another clause, so the name is not the verb's
 * subject: a relative or subordinate word, or a comma that no closing comma pairs into an
 * appositive ("Trump, the president, signed" is one clause). A clause opened by "where" tells
 * what is done at the name ("the State Department, where advisers are pressing"): it stays.
 */
/** Parts of speech a noun phrase is made of: "ordinary consumers and small businesses", "the Internal Revenue Service". */
const NOUN_PHRASE = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'CCONJ'])
const LONGEST_OBJECT = 8

/**
 * The one a deed is done to ("who does Ant serve", "who will the banks be sending checks to"): the
 * noun phrase after the asked word in the sentence, or after the preposition the question ends
 * on, when it follows that word closely. Null when the sentence does not have the word.
 */
export function patientIn(passage: Passage, sentenceIndex: number, candidate: Candidate, asked: string, preposition: string | null): string | null {
  const { text } = sentenceOf(passage, sentenceIndex)
  const wanted = new Set(candidate.matched.get(asked) ?? [])
  const { tokens } = analyse(text)
  const at = tokens.findIndex((token) => wanted.has(token.lemma))
  if (at < 0) return null
  let start = at + 1
  if (preposition) {
    const to = tokens.slice(start, start + 3).findIndex((token) => token.text.toLowerCase() === preposition)
    if (to < 0) return null
    start += to + 1
  }
  const phrase: Token[] = []
  for (const token of tokens.slice(start, start + LONGEST_OBJECT)) {
    if (!NOUN_PHRASE.has(token.pos) && !(token.pos === 'PART' && /^['’]s$/.test(token.text))) break
    phrase.push(token)
  }
  while (phrase.length && (phrase.at(-1)?.pos === 'CCONJ' || phrase.at(-1)?.pos === 'DET')) phrase.pop()
  const [first] = phrase
  const last = phrase.at(-1)
  if (!first || !last || !phrase.some((token) => token.pos === 'NOUN' || token.pos === 'PROPN')) return null
  return text.slice(first.start, last.end)
}

function otherClause(gap: string): boolean {
  const bare = gap.replace(/^[^,;]*?,[^,;]*,/, ' ').replace(/,\s*where\b[^,;]*$/i, ' ')
  // "Sheriff Quintrell said deputies had arrested …": what someone said has its own subject, unless it is them ("said he …").
  const reported = /\b(?:said|says|told\s+\S+)\s+(?:that\s+)?(?!(?:he|she|they|it|we|i)\b)\S/i.test(bare)
  return reported || /[,;:]|\b(?:which|who|whom|whose|that|because|while|although|whereas|if|when|after|before|since|unless)\b/i.test(bare)
}

/** Entities of the last list before the verb: consecutive names joined by commas and "and". */
function sameClause(text: string, offset: number, before: EntityMention[]): EntityMention[] {
  const [last, ...earlier] = [...before].reverse()
  if (!last) return []
  const list = [last]
  let head = last
  for (const entity of earlier) {
    const gap = text.slice(entity.offset - offset + surfaceLength(text, entity, offset), head.offset - offset)
    if (!/^[\s,]*(and\s+|&\s+)?(the\s+)?$/.test(gap.replace(/\b(LLC|Inc|Ltd|Co|Corp)\.?/g, ''))) break
    list.unshift(entity)
    head = entity
  }
  return list
}

function surfaceLength(text: string, entity: EntityMention, offset: number): number {
  const rest = text.slice(entity.offset - offset)
  return /^[^,;]*?(?=,|;| and | said|\s[a-z]|$)/.exec(rest)?.[0].length ?? entity.name.length
}

function spanOf(text: string, offset: number, list: EntityMention[]): string | null {
  const first = list[0]
  const last = list.at(-1)
  if (!first || !last) return null
  const from = first.offset - offset
  const article = /\bthe\s+$/i.exec(text.slice(Math.max(0, from - 4), from))
  const end = last.offset - offset + surfaceLength(text, last, offset)
  // "the Trump administration": after "the", the name is a modifier of the noun that follows it ("The … Agency has" has none).
  const following = article ? (/^\s+\p{Ll}[\p{L}-]*/u.exec(text.slice(end))?.[0] ?? '') : ''
  const noun = locateTerms(text).some((term) => term.start === end + following.length - following.trimStart().length && term.pos === 'NOUN')
  const head = following && noun ? following : ''
  return text
    .slice(from - (article ? article[0].length : 0), end + head.length)
    .replace(/[\s,]+$/, '')
    .replace(/(?<!\b(?:Inc|Co|Corp|Ltd|Jr|Sr|St|Bros|[A-Z]))\.$/, '')
}

/** "one of the officials who briefed reporters" → "one of the officials". */
function relativeAntecedent(text: string): string | null {
  const match = /(?:^|,|\baccording to\s+)\s*((?:one|some|two|three|several|many|all|an?|the)\b[^,;]*?)\s+who\s+\w+/i.exec(text)
  return match?.[1]?.trim() ?? null
}

/** The entity of the sentence that the text calls a `focus` ("the country's largest chipmaker SMIC"). */
export function entityCalled(passage: Passage, sentenceIndex: number, focus: string, named: Set<string>): string | null {
  const { text, offset } = sentenceOf(passage, sentenceIndex)
  // The role must call the entity a `focus`, not merely mention one ("the country's largest chipmaker" is no country).
  // "Gov." calls someone a governor (and a "gov"): an abbreviated title is the word it stands for, or begins.
  const abbreviates = (lemma: string) => titleWord(lemma) === focus || (lemma.endsWith('.') && lemma.length >= 4 && focus.startsWith(lemma.slice(0, -1)))
  // "Delacourt Fine LLP, which represents the pension fund": a relative clause tells what the entity does, not what it is.
  const calls = (role: string) => {
    const head = roleHead(role)
    return lemmasOf(head).some((lemma) => lemma === focus || abbreviates(lemma)) && !new RegExp(`\\b${focus}\\w*['’]s\\b`, 'i').test(head)
  }
  const called = inSentence(passage.entities, offset, text.length).filter((entity) => !named.has(entity.name) && entity.role !== null && calls(entity.role))
  // "which analyst": a person the text calls an analyst, before the firm whose description says so.
  const personal = PERSON_ROLES.has(focus) ? called.find((entity) => entity.type === 'person') : undefined
  return (personal ?? called[0])?.name ?? null
}

/** The first person (or, unless `only` says otherwise, organisation) of the sentence that the query does not already name. */
export function subjectIn(passage: Passage, sentenceIndex: number, named: Set<string>, only?: 'person'): string | null {
  const { text, offset } = sentenceOf(passage, sentenceIndex)
  const entities = inSentence(passage.entities, offset, text.length).filter(
    (entity) => (entity.type === 'person' || (entity.type === 'organisation' && !only)) && !named.has(entity.name),
  )
  return entities.find((entity) => entity.type === 'person')?.name ?? entities[0]?.name ?? null
}

/**
 * "the 29yo who died": the person the sentence gives that age, as news copy does in apposition
 * ("Tasha Greer, 29, of Corwin").
 */
export function personAged(passage: Passage, sentenceIndex: number, ages: string[]): string | null {
  const { text, offset } = sentenceOf(passage, sentenceIndex)
  const people = inSentence(passage.entities, offset, text.length).filter((entity) => entity.type === 'person')
  const aged = people.find((person) => {
    const after = text.slice(person.offset - offset + surfaceLength(text, person, offset))
    const age = /^,\s*(\d{1,3}),/.exec(after)?.[1]
    return age !== undefined && ages.includes(age)
  })
  return aged?.name ?? null
}

/** "… would pay workers through March 21 and would revisit …": "and" with an auxiliary opens another predicate. */
const ANOTHER_PREDICATE = /\band\s+(?:would|will|could|should|may|might|must|can|has|have|had|is|was|are|were|did|does)\b/i

/**
 * An event named by a noun ("the Nov. 3 election", "a meeting … in late September") is dated by a
 * time in its own clause: "have not set a date for a ceremonial groundbreaking, but the arena is
 * scheduled to open for the 2028-29 season" does not date the groundbreaking.
 */
function nounEventTime(text: string, offset: number, time: TemporalMention, eventTerms: Set<string>, people: EntityMention[] = []): TemporalMention | null {
  const located = locateTerms(text)
  // "Tolliver Dairy CEO Karen Vollmer said … Tuesday": a title before a name is no event of its own.
  const title = (term: Located) =>
    people.some((person) => person.type === 'person' && person.offset - offset > term.end && /^\s+$/.test(text.slice(term.end, person.offset - offset)))
  const titles = located.filter((term) => eventTerms.has(term.term) && title(term))
  if (titles.length > 0 && titles.length === located.filter((term) => eventTerms.has(term.term)).length) return null
  // "Chief Executive Officer Lloyd Blankfein …" for "when did blankfein become ceo": the title, written out, before the name.
  const spelledTitle = people.some((person) => {
    const words =
      /(?:\p{Lu}[\p{L}-]*\s+)+$/u
        .exec(text.slice(0, person.offset - offset))?.[0]
        .trim()
        .split(/\s+/) ?? []
    const letters = words.map((word) => word.charAt(0).toLowerCase()).join('')
    return [...eventTerms].some((term) => term.length >= 2 && letters.endsWith(term))
  })
  if (spelledTitle && !located.some((term) => eventTerms.has(term.term))) return null
  // The event's noun, or an adjective before a noun in its phrase ("a ceremonial groundbreaking"), not "got sick".
  const adjacent = (a: Located, b: Located) => /^\s+$/.test(text.slice(a.end, b.start))
  const nominal = (term: Located) =>
    term.pos === 'NOUN' ||
    term.pos === 'PROPN' ||
    (term.pos === 'ADJ' &&
      located.some((next) => next.pos === 'NOUN' && adjacent(term, next)) &&
      !located.some((before) => before.pos === 'VERB' && adjacent(before, term)))
  const nouns = located.filter((term) => nominal(term) && eventTerms.has(term.term))
  if (nouns.length === 0) return time
  const at = time.offset - offset
  const end = at + time.text.length
  const between = (noun: Located) => (noun.start >= end ? text.slice(end, noun.start) : text.slice(noun.end, Math.max(noun.end, at)))
  // A relative clause on the noun tells of it ("The recall, which the company announced Saturday, …").
  // "… to lead the investigation and would keep its help line open through the end of April": "and" with an
  // auxiliary opens another predicate.
  const apart = (gap: string) =>
    !/^,\s*(?:which|who|that)\b/i.test(gap) && (/[,;:—–]|\b(?:but|while|whereas|although|though)\b/i.test(gap) || ANOTHER_PREDICATE.test(gap))
  // "derailed … on Monday night was traveling … into a curve with a 30 mph limit": verbs between a time and a noun after
  // it tell other things (a noun before the time may be their subject: "debate … has accelerated … in recent weeks").
  const verbBetween = (noun: Located) => noun.start >= end && located.some((term) => term.pos === 'VERB' && term.start >= end && term.end <= noun.start)
  return nouns.some((noun) => !apart(between(noun)) && !verbBetween(noun)) ? time : null
}

/**
 * "report a loss for the last quarter of 2017", "profit for 2017": the accounting period a figure
 * covers, not when anything was done ("a blood drive for Thursday" is when).
 */
export function periodCovered(before: string, mention: string): boolean {
  return PERIOD_OF.test(before) || (PERIOD_FOR.test(before) && PERIOD_NAMED.test(mention))
}

/** "for the last quarter of", "for the year ended": before a time, the period a figure covers. */
const PERIOD_OF = /\bfor\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:quarter|half|year|period)\s+(?:of|ended|ending)\s+$/i
/** "for" or "for the" right before a time… */
const PERIOD_FOR = /\bfor\s+(?:the\s+)?$/i
/** …that names a year or a period ("2017", "the last quarter"). */
const PERIOD_NAMED = /^(?:\d{4}\b|(?:the\s+)?(?:[\w-]+\s+)?(?:quarter|half|year|period)\b)/i

/** What a clause boundary adds to the distance between a time and a verb, in characters. */
const CLAUSE_GAP = 100
const CLAUSE_BREAK = /[,;:—–]|\b(?:while|whereas|because|which|who|that|when|as|until|since|before|after)\b/i

/** What `timeIn` needs to know of the question beyond its terms. */
export interface TimeOptions {
  /** A length of time is wanted ("how long …"), not a date. */
  wantDuration: boolean
  /** The question's event lemma: when the sentence has it as a verb, the time must stand near it. */
  event: string | null
  /** The question tells its event with a verb ("open the probe"), not a state ("kept open"). */
  eventIsVerb: boolean
  /** The question asks when a deed was done ("when did …") and the article was written then (ISO). */
  doneBy: string | null
  /** The question as typed: a picked /when suggestion opens with the date it is about. */
  question: string | null
  /** Whether an outlet's correction says a date mention of the passage was wrong. */
  corrected: (mention: TemporalMention) => boolean
}

const TIME_DEFAULTS: TimeOptions = { wantDuration: false, event: null, eventIsVerb: false, doneBy: null, question: null, corrected: () => false }

/** A word the tagger calls an adjective is still a verb after a modal or "to" ("would open"), or before its object ("open a claims center"). */
const VERB_BEFORE = new RegExp(`\\b(?:${[...MODALS].join('|')}|to)\\s+$`, 'i')
const OBJECT_AFTER = /^\s+(?:a|an|the|its|their|his|her|our|this|that|these|those)\b/i
/** A passive participle's doer after it: "certified by the board". */
const AGENT_AFTER = /^\s+by\s+(?:the\s+)?\p{L}/iu

/** Modals that tell an event as one that may or may not come. */
const POSSIBILITY = /\b(?:could|might|may)\b/i
/** Such a modal heading the verb group that ends where the event's verb starts ("could be", "may have been", "might also"). */
const POSSIBLE_BEFORE = /\b(?:could|might|may)\s+(?:(?:not|also|still|well|soon|eventually)\s+)?(?:(?:be|have|have been)\s+)?$/i

/** Words that make a point in time the bound of a period: in the mention, or right before it. */
const PERIOD_BOUND = /\b(?:since|until|till|through)\b/i
const PERIOD_BOUND_BEFORE = /\b(?:since|until|till|through)\s+(?:at\s+least\s+)?$/i

/**
 * The time the sentence gives for the matched event (a length of time, for `wantDuration`): the temporal expression nearest the
 * matched words that does not merely restate the question ("since regulators halted the IPO").
 */
export function timeIn(
  passage: Passage,
  sentenceIndex: number,
  candidate: Candidate,
  queryTerms: Set<string>,
  options: Partial<TimeOptions> = {},
): TemporalMention | null {
  const { wantDuration, event, eventIsVerb, doneBy, question, corrected } = { ...TIME_DEFAULTS, ...options }
  const { text, offset } = sentenceOf(passage, sentenceIndex)
  // The event asked about, where the sentence names it: the time must belong to it.
  const eventTerms = new Set(event ? (candidate.matched.get(event) ?? []) : [])
  // A time clause that only restates the question ("since regulators halted the IPO") is not its answer.
  const mentions = inSentence(passage.dates as TemporalMention[], offset, text.length).filter((mention) => {
    if (corrected(mention)) return false
    // How long something lasted ("for two weeks") never says when it happened.
    if (mention.kind === 'duration') return wantDuration
    // Nor does a point in time say how long, unless it bounds a period ("since 2021", "until March").
    if (wantDuration && mention.iso !== null) {
      const before = text.slice(Math.max(0, mention.offset - offset - 8), mention.offset - offset)
      if (!PERIOD_BOUND.test(mention.text) && !PERIOD_BOUND_BEFORE.test(before)) return false
    }
    if (periodCovered(text.slice(0, mention.offset - offset), mention.text)) return false
    if (mention.kind !== 'clause') return true
    const mentionTerms = lemmasOf(mention.text)
    // "until the court rules …" does not date a ruling: it is the ruling.
    if (mention.iso === null && mentionTerms.some((term) => eventTerms.has(term))) return false
    const restated = mentionTerms.filter((term) => queryTerms.has(term)).length
    return !(mentionTerms.length > 0 && restated / mentionTerms.length >= 0.5)
  })
  const told = wantDuration ? [] : locateTerms(text).filter((located) => eventTerms.has(located.term))
  // "would keep its help line open through the end of April" does not date opening a probe: the asked verb's word stands there for a state.
  const stative = (term: Located) =>
    term.pos === 'ADJ' && !VERB_BEFORE.test(text.slice(0, term.start)) && !OBJECT_AFTER.test(text.slice(term.end)) && !AGENT_AFTER.test(text.slice(term.end))
  // "The canvass, certified by the board last Friday": a participle the tagger calls an adjective, with its doer, is the verb.
  const eventAt = told.filter((located) => located.pos === 'VERB' || (located.pos === 'ADJ' && AGENT_AFTER.test(text.slice(located.end))))
  if (eventIsVerb && eventAt.length === 0 && told.length > 0 && told.every(stative)) return null
  // "the rest of the quarry could be closed once inspectors …": an event told only as a possibility has no time yet, unless one is asked.
  if (eventAt.length > 0 && !POSSIBILITY.test(question ?? '') && eventAt.every((verb) => POSSIBLE_BEFORE.test(text.slice(0, verb.start)))) return null
  // "since regulators halted the IPO and launched a probe": a time clause that goes on to tell the asked event is the event, not its time.
  const tellsEvent = (mention: TemporalMention) => {
    const end = mention.offset - offset + mention.text.length
    const rest = /^\s+and\s[^,;.]*/.exec(text.slice(end))?.[0] ?? ''
    return mention.kind === 'clause' && told.some((term) => term.start >= end && term.end <= end + rest.length)
  }
  // "the number hurt in Monday's collapse has risen": a day written as a possessive dates the noun after it only.
  const ofNoun = (mention: TemporalMention) => {
    const noun = /^['’]s\s+([\p{L}-]+)/u.exec(text.slice(mention.offset - offset + mention.text.length))?.[1]
    return noun !== undefined && !lemmasOf(noun).some((lemma) => eventTerms.has(lemma))
  }
  // A picked /when suggestion ("Sept. 30 — Senior officials discussed …") opens with the date it is about: that date answers.
  const picked = (mention: TemporalMention) => question?.toLowerCase().startsWith(`${mention.text.toLowerCase()} —`) === true
  const timing = mentions.filter((mention) => picked(mention) || (!tellsEvent(mention) && !ofNoun(mention)))
  if (timing.length === 0) return null
  const anchors = matchedPositions(text, candidate, new Set())
  const sentenceEntities = inSentence(passage.entities, offset, text.length)
  const verbs = anchors.filter((anchor) => !insideEntity(text, offset, sentenceEntities, anchor.start))
  const distance = (mention: TemporalMention) => {
    const at = mention.offset - offset
    return Math.min(...anchors.map((anchor) => Math.abs(anchor.start - at)), 1000)
  }
  /** "progress was delayed after Trump had contracted …": the time right after the matched verb (the asked event's, when named) modifies it. */
  const modifiesVerb = (mention: TemporalMention) =>
    (eventAt.length ? eventAt : verbs).some((verb) => {
      const gap = mention.offset - offset - verb.end
      // Not across "and" or a comma: "approved the project and two days after the mayor signed it".
      return gap >= 0 && gap <= 18 && !/,|\band\b/.test(text.slice(verb.end, mention.offset - offset))
    })
  const penalty: Record<string, number> = wantDuration ? { date: 200, relative: 200, vague: 200, clause: 200 } : { duration: 20, clause: 50 }
  const rank = (mention: TemporalMention) =>
    distance(mention) - (mention.iso && !wantDuration ? 25 : 0) + (penalty[mention.kind] ?? 0) - (modifiesVerb(mention) ? 100 : 0) - (picked(mention) ? 300 : 0)
  const best = [...timing].sort((a, b) => rank(a) - rank(b))[0] ?? null
  // When the sentence names the event, the time belongs to it: the verb nearest the time is the
  // event's ("has signed an order banning … in 45 days": the 45 days are the ban's, not the signing's;
  // "have recently granted injunctions halting …": recently dates the granting, not the halting).
  const at = best ? best.offset - offset : 0
  if (best && eventAt.length === 0 && !wantDuration && !picked(best)) {
    // A deed done by the time of writing is not dated by a time after it, which the sentence gives for something else ("estimated that the law will boost earnings … next year").
    if (doneBy && best.iso && best.iso > doneBy.slice(0, best.iso.length)) return null
    // "…, police and museum officials said Monday": the day the story was told, not the day of the deed it tells.
    const saidThen = locateTerms(text).some(
      (verb) => verb.pos === 'VERB' && verb.term === 'say' && verb.end <= at && /^\s+(?:on\s+)?$/.test(text.slice(verb.end, at)),
    )
    if (saidThen && event !== 'say') return null
    // "will replace trains through at least Oct. 25": the bound of what the sentence tells, not a time of the event asked (unless a bound is asked: "until when").
    // "did not return to its full schedule until Saturday" tells when it returned.
    const bound = (PERIOD_BOUND.test(best.text) || PERIOD_BOUND_BEFORE.test(text.slice(0, at))) && !/\b(?:not|never)\b|n['’]t\b/i.test(text.slice(0, at))
    if (bound && !PERIOD_BOUND.test(question ?? '')) return null
    // "saw sparks … minutes before the smoke appeared": a clause the story dates nowhere times the sentence's own verb, and the event is not told there.
    if (best.kind === 'clause' && best.iso === null) return null
    return nounEventTime(text, offset, best, eventTerms, sentenceEntities)
  }
  const all = locateTerms(text)
  /** Whether the time dates the asked event's verb, not another verb of the sentence. */
  const datesEvent = (time: TemporalMention): boolean => {
    const at = time.offset - offset
    const end = at + time.text.length
    // "fell ill a day after officials met": the verb after "a day after" is its own, not what it dates.
    const opensClause = /\b(?:after|before|since|until|when|as)$/i.test(time.text)
    // A comma or a clause word between the time and a verb puts them in different clauses
    // ("on Monday evening, killing three …", "on Sept. 30 while contractors installed …").
    const across = (from: number, to: number) => (CLAUSE_BREAK.test(text.slice(from, to)) || ANOTHER_PREDICATE.test(text.slice(from, to)) ? CLAUSE_GAP : 0)
    // "detected the intrusion on Feb. 27 and notified regulators on March 1": a verb after "and" with a time of its own heads
    // the next predicate ("noticed the traffic on Feb. 27 and pulled the server offline" share theirs).
    const sentenceTimes = inSentence(passage.dates, offset, text.length)
    const ownTime = (verbEnd: number) => sentenceTimes.some((mention) => mention.offset - offset >= verbEnd)
    const coordinated = (from: number, to: number) => (/\band\b/i.test(text.slice(from, to)) && ownTime(to) ? CLAUSE_GAP : 0)
    const gap = (located: Located) =>
      located.start >= end
        ? located.start - end + Math.max(across(end, located.start), coordinated(end, located.start))
        : at - located.end + across(located.end, at)
    // "on Friday …, two days after the mayor signed it": a phrase that dates the clause it opens dates only that clause's verb.
    const dates = (located: Located) => (time.datesClause ? located.start >= end : located.end <= at || (located.start >= end && !opensClause))
    // "paused dosing", "began turning up": a gerund right after a verb is what that verb's deed is of, in its clause.
    const complement = (located: Located) =>
      /^[\p{L}-]+ing\b/iu.test(text.slice(located.start, located.end)) &&
      all.some((verb) => verb.pos === 'VERB' && verb.end < located.start && /^\s+$/.test(text.slice(verb.end, located.start)))
    const clauseVerb = (located: Located) => located.pos === 'VERB' && !participleModifier(text, located) && !complement(located)
    // "On Monday, Teresa Mabry, who owns Mabry's Diner, and two other residents filed …": a time that opens the
    // sentence, set off by a comma, dates its main verb — the first past any clause that describes the subject.
    const opening = /^\s*(?:\p{L}+\s+){0,2}$/u.test(text.slice(0, at)) && /^\s*,/.test(text.slice(end))
    const main = opening ? all.find((located) => located.start >= end && clauseVerb(located) && !RELATIVE_OPEN.test(text.slice(end, located.start))) : undefined
    if (main && eventAt.includes(main)) return true
    const nearest = all.filter((located) => clauseVerb(located) && dates(located)).sort((a, b) => gap(a) - gap(b))[0]
    if (nearest && eventAt.includes(nearest)) return true
    // "set off a production blast on the east face last Friday": the verb's object is the event, told as a noun.
    if (nearest && nearest.end <= at && doesEvent(all, nearest, told, at)) return true
    // "at about 7:15 a.m. Monday, when he found empty frames": a "when" clause right after a time tells what happened then.
    return eventAt.some((verb) => verb.start >= end && WHEN_CLAUSE.test(text.slice(end, verb.start)))
  }
  if (!best || eventAt.length === 0) return best
  // The nearest time may be another event's ("filed the suit Thursday … after eating a sandwich at the fair on Aug. 2"): the first, nearest first, that is the asked event's.
  // Past the nearest, only a date as written, not a bound ("until their engines pass …") nor a time told by another event ("two days after the mayor signed it").
  const alternative = (mention: TemporalMention) => mention.kind === 'date' && !PERIOD_BOUND.test(mention.text)
  return (
    [...timing]
      .sort((a, b) => rank(a) - rank(b))
      .find((mention, i) => (i === 0 || alternative(mention)) && (modifiesVerb(mention) || picked(mention) || datesEvent(mention))) ?? null
  )
}

/** Whether the event, told as a noun, is the object of a verb before a time: it comes after the verb with no other verb between. */
function doesEvent(located: Located[], verb: Located, told: Located[], before: number): boolean {
  const nextVerb = located.find((term) => term.pos === 'VERB' && term.start > verb.end)?.start ?? Infinity
  return told.some((term) => term.pos === 'NOUN' && term.start > verb.end && term.end <= Math.min(before, nextVerb))
}

/** "in closed session", "the revised count": a participle between a determiner or preposition and its noun describes the noun; it heads no clause. */
function participleModifier(text: string, located: Located): boolean {
  const word = text.slice(located.start, located.end)
  return (
    /(?:ed|en)$/i.test(word) &&
    /\b(?:in|on|at|of|for|with|by|the|a|an|its|their|his|her|this|that)\s+$/i.test(text.slice(0, located.start)) &&
    /^\s+\p{Ll}[\p{L}-]*\b/u.test(text.slice(located.end)) &&
    !/^\s+(?:by|to|in|on|at|for|with|from|as|and|or|the|a|an)\b/i.test(text.slice(located.end))
  )
}

/** A clause describing a name, opened and not yet closed: ", who owns Mabry's Diner". */
const RELATIVE_OPEN = /,\s*(?:who|whose|which)\b[^,]*$/i

/** The opening of a "when" clause that hangs on the time before it, up to its verb: ", when he". */
const WHEN_CLAUSE = /^\s*,?\s*when\s+[^,;:—–]*$/i
