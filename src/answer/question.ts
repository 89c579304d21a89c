import { type Analysis, fold, isContent, isFigure, type Token } from '../language/index.js'
import { withMagnitude } from '../language/numbers.js'
import type { Command } from './types.js'

/** What kind of answer a question wants, read from its form (never from its topic). */
export type AnswerType =
  | 'identify' // "who is X", a bare name: the roles the story gives X
  | 'agent' // "who did X", "which companies …": the doer or the named things
  | 'patient' // "who does Ant serve", "whom did X pick": the one a deed is done to
  | 'speaker' // "who said X"
  | 'possessor' // "who owns X", "whose X"
  | 'date' // "when …", "what date …"
  | 'duration' // "how long …"
  | 'count' // "how many …"
  | 'amount' // "how much …"
  | 'measure' // "how big is …", "how old …", "how deep …": a figure of any kind, with its unit
  | 'share' // "how much of …", "what share of …": a percentage or a fraction
  | 'yesno' // "did X say …?", "is …?"
  | 'reason' // "why …"
  | 'reporters' // "which outlets reported …"
  | 'description' // "what …", anything else

/** A question taken apart: what it wants, what it is about, and which of its words to look for. */
export interface AnalysedQuestion {
  text: string
  command: Command
  type: AnswerType
  /** The noun a "which/what/how many X" question asks about ("which apps" → app). */
  focus: string | null
  /**
   * The events the question may ask about, first most likely: its verbs as lemmas ("when was the
   * order signed" → sign), a light verb by its object ("take office" → office), or with no verb its
   * nouns, last first ("Biden's inauguration" → inauguration). A lowercase name can pass for a verb
   * or a noun ("trump"); the caller, who knows the story's names, picks.
   */
  predicates: string[]
  /** No verb names the event, so any of `predicates` (nouns) may stand for it. */
  eventIsNoun: boolean
  /** The question's nouns in order, for when its only verb turns out to be a name ("did trump sign …", "sign" read as a noun). */
  nouns: string[]
  /** Lemmas of the figures the question gives ("2004", "third", "eight"): a passage must give them too. */
  figures: string[]
  /** Content lemmas to look for in the story (question words and the answer's kind left out). */
  lemmas: string[]
  /** The same words as written (folded), for when the story spells a word as typed but lemmatises it otherwise. */
  surfaces: string[]
  /** The question's tokens, for extractors that need positions or parts of speech. */
  tokens: Token[]
  /** The question denies something ("didn't reply"). */
  negated: boolean
}

/** Verbs that carry no deed of their own in a question. */
export const AUXILIARIES = new Set(['be', 'do', 'have', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'shall'])
/** Auxiliaries as chat spells them, which the tagger takes for nouns: "is Goldman gonna post a loss". */
const INFORMAL_AUXILIARIES = new Set(['gonna', 'wanna', 'gotta', 'hafta', 'oughta'])
/**
 * Ways to say "at present" ("who runs the union these days", "who's mayor rn"): they ask of the
 * story as it stands, and name nothing to look for in it.
 */
const AT_PRESENT = ['now', 'rn', 'atm', 'currently', 'presently', 'nowadays', 'right now', 'these days', 'at present', 'at the moment', 'as of now']

/** The positions of the tokens that say "at present". */
function atPresent(tokens: Token[]): Set<number> {
  const words = tokens.map(lower)
  const at = new Set<number>()
  for (const phrase of AT_PRESENT.map((each) => each.split(' ')))
    words.forEach((_, start) => {
      if (phrase.every((word, i) => words[start + i] === word)) phrase.forEach((_, i) => at.add(start + i))
    })
  return at
}

/**
 * Semi-modals ("is supposed to reopen", "is going to rule", "used to run"): before "to" and a
 * verb they say how the deed stands, like an auxiliary; the verb after them names it.
 */
const SEMI_MODALS = new Set(['suppose', 'go', 'use', 'ought'])

/** Modal auxiliaries: a base verb follows them. */
export const MODALS = new Set(['will', 'would', 'can', 'could', 'shall', 'should', 'may', 'might', 'must'])
/** Verbs whose meaning lies in their object ("take office", "make a call"): the object names the event. */
const LIGHT_VERBS = new Set(['have', 'do', 'make', 'take', 'get', 'give', 'become', 'go', 'put', 'keep'])
export const SAYING = new Set(['say', 'tell', 'state', 'claim', 'warn', 'argue', 'add', 'reckon', 'suggest', 'predict', 'note', 'think', 'believe'])
const OWNING = new Set(['own', 'owner', 'control', 'possess'])
/** Nouns that name the kind of answer, not its content: "what date", "which year", "what share". */
const ANSWER_KIND_NOUNS = {
  date: new Set(['date', 'day', 'time', 'year', 'month', 'week']),
  share: new Set(['share', 'percentage', 'proportion', 'percent', 'portion', 'fraction', 'part']),
  amount: new Set(['amount', 'size', 'figure', 'much']),
  count: new Set(['number']),
  reporters: new Set(['outlet', 'site', 'paper', 'publication', 'newspaper', 'source', 'media', 'website', 'one']),
} satisfies Partial<Record<AnswerType, Set<string>>>
/** Parts of speech that open a subject: after "who does", they show the question asks for the object. */
const SUBJECTS = new Set(['NOUN', 'PROPN', 'PRON', 'DET', 'ADJ', 'NUM'])
/** The question words ("who", "when", "how", …). */
export const WH_WORD = /^(?:who|whom|whose|what|when|where|which|why|how)$/i

/** Words that open a clause placing the asked event in time ("before it collapsed"). */
const TIME_SUBORDINATORS = new Set(['before', 'after', 'since', 'until', 'while', 'once'])

const REPORTING = new Set(['report', 'say', 'carry', 'run', 'write', 'cover', 'mention', 'publish', 'bring', 'claim', 'quote', 'note'])

function lower(token: Token | undefined): string {
  return token ? token.text.toLowerCase() : ''
}

/** The answer type from the question's opening words and the command it came with. */
function typeOf(command: Command, tokens: Token[]): { type: AnswerType; focusAt: number } {
  const words = tokens.filter((token) => /[\p{L}\p{N}]/u.test(token.text))
  let at = lower(words[0]) === 'and' || lower(words[0]) === 'so' ? 1 : 0
  if (lower(words[at]) === 'since' && lower(words[at + 1]) === 'when') at++
  const first = lower(words[at])
  const second = lower(words[at + 1])
  const nextVerb = words.slice(at + 1).find((token) => token.pos === 'VERB' || token.pos === 'AUX')
  const verbLemma = words.slice(at + 1).find((token) => token.pos === 'VERB')?.lemma ?? ''
  const index = (word: Token | undefined) => (word ? tokens.indexOf(word) : -1)
  if (first === 'when') return { type: 'date', focusAt: -1 }
  if (first === 'why') return { type: 'reason', focusAt: -1 }
  if (first === 'how' && second === 'long') return { type: 'duration', focusAt: -1 }
  // "how many permanent jobs": what is counted is the noun the adjectives describe.
  if (first === 'how' && second === 'many') {
    // "how many of the fda swabs": what is counted follows the partitive.
    const partitive = lower(words[at + 2]) === 'of'
    const rest = words.slice(at + 2)
    const start = rest.findIndex((token) => token.pos !== 'ADJ' && !(partitive && (token.pos === 'DET' || lower(token) === 'of')))
    // "how many fda swabs": a compound names the thing by its last noun, the one in the plural ("people work at" is no compound).
    const run = start < 0 ? [] : rest.slice(start)
    const end = run.findIndex((token) => token.pos !== 'NOUN')
    const nouns = end < 0 ? run : run.slice(0, end)
    const head =
      nouns
        .slice(1)
        .filter((token) => token.text.toLowerCase() !== token.lemma)
        .at(-1) ?? nouns[0]
    return { type: 'count', focusAt: index(head ?? words[at + 2]) }
  }
  if (first === 'how' && second === 'much') {
    if (lower(words[at + 2]) === 'of') return { type: 'share', focusAt: -1 }
    // "how much rent …", "how much bottled water …": what the amount is of.
    const modifiers = words.slice(at + 2).findIndex((word) => word.pos !== 'ADJ')
    const noun = words[at + 2 + Math.max(0, modifiers)]
    return { type: 'amount', focusAt: noun?.pos === 'NOUN' && !noun.stop ? index(noun) : -1 }
  }
  // "how big a premium", "how large a stake": the size of a thing, a figure. The thing is no focus but a word to look
  // for: its size may be a share ("a premium of roughly 28%"), not only money. ("how big is the recall" may be in pounds.)
  if (first === 'how' && words[at + 1]?.pos === 'ADJ' && /^an?$/.test(lower(words[at + 2])) && words[at + 3]?.pos === 'NOUN')
    return { type: 'amount', focusAt: -1 }
  // "how big was the gap", "how old is kesang": a size, an age, a depth — a figure in whatever unit the story gives.
  // Its subject is what is measured ("the state *fine*", "grh's *surplus*").
  if (first === 'how' && words[at + 1]?.pos === 'ADJ' && words[at + 2]?.pos === 'AUX') {
    return { type: 'measure', focusAt: index(subjectHead(words.slice(at + 3))) }
  }
  if (first === 'whose') return { type: 'possessor', focusAt: -1 }
  if (first === 'who' || first === "who's" || first === 'whom') {
    // "who does Ant say it serves", "who has Washington talked into …": the question's own subject does the deed.
    const subject = words[at + 2]
    const auxiliary = words[at + 1]
    const objectAsked = first === 'whom' || (auxiliary?.pos === 'AUX' && auxiliary.lemma !== 'be' && subject !== undefined && SUBJECTS.has(subject.pos))
    if (objectAsked) return { type: 'patient', focusAt: -1 }
    const reporting = REPORTING.has(verbLemma) && command === 'source'
    if (reporting) return { type: 'reporters', focusAt: -1 }
    // "who told corvanta to stop": telling someone to do something is a deed, not words to attribute.
    const saying = words.find((token) => token.pos === 'VERB' && SAYING.has(token.lemma))
    const directive =
      saying !== undefined &&
      words.slice(words.indexOf(saying) + 1, words.indexOf(saying) + 5).some((token, i, rest) => lower(token) === 'to' && rest[i + 1]?.pos === 'VERB')
    if (SAYING.has(verbLemma) && !directive) return { type: 'speaker', focusAt: -1 }
    const copula = nextVerb?.lemma === 'be' && !words.slice(index(nextVerb)).some((token) => token.pos === 'VERB')
    // "who's the smokehouse owner" asks for one; "who's defending the smokehouse owner" for someone who does something to one.
    if (OWNING.has(verbLemma) || ((copula || !verbLemma) && words.some((token) => OWNING.has(token.lemma)))) return { type: 'possessor', focusAt: -1 }
    // "who's the captain who flew flight 418": which captain flew it — the noun the relative clause describes is the focus.
    const described = describedByClause(words.slice(at + 1))
    if (described) return { type: 'agent', focusAt: index(described) }
    return { type: copula || first === "who's" ? 'identify' : 'agent', focusAt: -1 }
  }
  if (first === 'which' || first === 'what') {
    const firstNoun = words.slice(at + 1, at + 4).find((token) => token.pos === 'NOUN' || token.pos === 'PROPN')
    // A compound's head is its last noun: "which kbw *analyst*", "which council *member*".
    const compound = firstNoun ? words.slice(words.indexOf(firstNoun)) : []
    const end = compound.findIndex((token) => token.pos !== 'NOUN' && token.pos !== 'PROPN')
    const head = end < 0 ? firstNoun : compound[Math.max(0, end - 1)]
    const beforeVerb = head && !words.slice(at + 1, words.indexOf(head)).some((token) => token.pos === 'VERB' || token.pos === 'AUX')
    const noun = head && beforeVerb && !AUXILIARIES.has(head.lemma) ? head : undefined
    const focus = noun?.lemma ?? ''
    const kind = (['date', 'share', 'amount', 'reporters'] as const).find((type) => ANSWER_KIND_NOUNS[type].has(focus))
    if (kind) return { type: kind, focusAt: index(noun) }
    if (first === 'which' || noun) return { type: command === 'who' || first === 'which' ? 'agent' : 'description', focusAt: index(noun) }
    // "/who what's the engineer's name": who someone is.
    return { type: command === 'who' ? 'identify' : 'description', focusAt: -1 }
  }
  const opening = words[at]
  if (opening && at === 0 && AUXILIARIES.has(opening.lemma) && opening.pos === 'AUX') return { type: 'yesno', focusAt: -1 }
  if (command === 'when') return { type: 'date', focusAt: -1 }
  if (command === 'who') return { type: 'identify', focusAt: -1 }
  if (command === 'source') return { type: 'reporters', focusAt: -1 }
  return { type: 'description', focusAt: -1 }
}

/** "is the captain who flew …", "'s the lawyer that filed …": the noun a relative clause right after it describes. */
function describedByClause(words: Token[]): Token | undefined {
  const [be, article, ...rest] = words
  if (be?.lemma !== 'be' || article?.pos !== 'DET') return undefined
  const end = rest.findIndex((token) => token.pos !== 'NOUN' && token.pos !== 'ADJ')
  const head = rest[end - 1]
  const relative = rest[end]
  // "the flight attendant that …": the tagger may read a compound's last word, before a relative clause, as an adjective.
  const noun = head?.pos === 'NOUN' || (head?.pos === 'ADJ' && rest[end - 2]?.pos === 'NOUN')
  return noun && relative && /^(?:who|that)$/i.test(relative.text) && rest[end + 1]?.pos === 'VERB' ? head : undefined
}

/** The preposition a question ends on ("who will the banks be cutting checks to", "… close at"), if any; a final "to" may be tagged as the infinitive's. */
export function strandedPreposition(tokens: Token[]): Token | undefined {
  const last = tokens.filter((token) => /[\p{L}\p{N}]/u.test(token.text)).at(-1)
  return last?.pos === 'ADP' || (last?.pos === 'PART' && last.lemma === 'to') ? last : undefined
}

/** A possessive ending, as wink tokenises it ("'s", "’s"). */
const POSSESSIVE = /^['’]s$/

/** Parts of speech of the words between "do" and the object: the subject and the verb. */
const SUBJECT_AND_VERB = new Set(['NOUN', 'PROPN', 'ADJ', 'ADV', 'NUM'])

/**
 * The verb of a question with "do" ("did bloomberg report the plan", "did the talks stall") when the
 * tagger read it as a noun: the last of the words that follow "do" up to the object, if they hold a
 * subject before it.
 */
function verbAfterDo(tokens: Token[]): Token | undefined {
  const auxiliary = tokens.findIndex(invertedAuxiliary)
  if (auxiliary < 0) return undefined
  const run: Token[] = []
  let determined = false
  for (const token of tokens.slice(auxiliary + 1)) {
    if (token.pos === 'DET' && run.length === 0) {
      determined = true
      continue
    }
    // "did the rivermen's current barn open": a possessive goes on with the subject.
    if (!SUBJECT_AND_VERB.has(token.pos) && !(run.length > 0 && POSSESSIVE.test(token.text))) break
    run.push(token)
  }
  const last = run.at(-1)
  if (!last) return undefined
  // "did the justice department say …", "did ferry service to the island start": the verb is there, tagged as one
  // (not an infinitive or a gerund: "vote to close", "talk about blocking"), up to a clause of its own
  // ("say it was looking into …"), which a pronoun, an auxiliary or "that" opens.
  const rest = tokens.slice(tokens.indexOf(last) + 1)
  const clauseEnd = rest.findIndex((token) => token.pos === 'PRON' || token.pos === 'AUX' || token.pos === 'SCONJ' || lower(token) === 'that')
  const later = clauseEnd < 0 ? rest : rest.slice(0, clauseEnd)
  if (later.some((token, i) => token.pos === 'VERB' && !gerund(token) && !/^to$/i.test(later[i - 1]?.text ?? ''))) return undefined
  const head = run.slice(0, -1)
  // "did the fair wrap up": after a determiner, a word read as an adjective is the noun it stands for.
  // "did 512 come off the rails": a number alone may name the subject (a train, a flight).
  const subject =
    head.some((token) => token.pos === 'NOUN' || token.pos === 'PROPN') ||
    (determined && head.length === 1 && head[0]?.pos === 'ADJ') ||
    (head.length === 1 && head[0]?.pos === 'NUM')
  // "when did the state close the quarry": a word after the subject and before the object or the end is the verb, not an adjective.
  return (last.pos === 'NOUN' || last.pos === 'ADJ') && subject ? last : undefined
}

/**
 * "when did ferry service resume": the word after "did", read as a verb, opens the subject when a
 * verb follows it later; English has one verb after "did" and its subject.
 */
function subjectAfterDo(tokens: Token[]): Token | undefined {
  const auxiliary = tokens.findIndex(invertedAuxiliary)
  const first = tokens.slice(auxiliary + 1).find((token) => token.pos !== 'DET')
  if (auxiliary < 0 || first?.pos !== 'VERB') return undefined
  const rest = tokens.slice(tokens.indexOf(first) + 1)
  // "when could ant list in shanghai": with no verb later, the noun after the subject is the verb.
  const verbLater = rest.some((token) => token.pos === 'VERB') || rest[1] === undefined || rest[1].pos === 'ADP' || rest[1].pos === 'DET'
  // "did flight 418 touch down": a number after the word names the one meant, and the verb follows it.
  if (rest[0]?.pos === 'NUM' && (rest[1]?.pos === 'NOUN' || rest[1]?.pos === 'VERB')) return first
  return rest[0]?.pos === 'NOUN' && verbLater ? first : undefined
}

/** "did", or a modal ("could", "will"), opening a question: its subject and then its verb follow. */
function invertedAuxiliary(token: Token, at: number, tokens: Token[]): boolean {
  // After the question word and what it asks for, if anything ("what time did …", "how many ppl will …").
  const opening = tokens.slice(0, at)
  const asking = opening.length === 0 || (WH_WORD.test(opening[0]?.text ?? '') && opening.every((before) => before.pos !== 'VERB' && before.pos !== 'AUX'))
  return token.pos === 'AUX' && (token.lemma === 'do' || MODALS.has(lower(token))) && asking
}

/** "who talks for the union": the word after "who" read as a noun, where only a verb can stand. */
function verbAfterWho(tokens: Token[]): Token | undefined {
  const words = tokens.filter((token) => /[\p{L}\p{N}]/u.test(token.text))
  const [first, second] = words
  return lower(first) === 'who' && second?.pos === 'NOUN' ? second : undefined
}

/**
 * Verbs that say how a deed came about, not what it was ("ended up being the decisive yes", "turned
 * out to be", "seems to have"): the word after them, past a particle and "being" or "to be", names it.
 */
const RAISING_VERBS = new Set(['end', 'turn', 'wind', 'seem', 'appear', 'happen', 'tend', 'prove'])

/** The content word a raising verb's complement opens with, when the verb is one ("ended up being the decisive yes" → decisive). */
function complementOf(tokens: Token[], verb: Token): Token | undefined {
  if (!RAISING_VERBS.has(verb.lemma)) return undefined
  let at = tokens.indexOf(verb) + 1
  if (tokens[at]?.pos === 'ADP' && /^(?:up|out)$/i.test(tokens[at]?.text ?? '')) at++
  const linking = (token: Token | undefined) =>
    token !== undefined && (token.pos === 'AUX' || token.pos === 'PART' || token.pos === 'DET' || /^to$/i.test(token.text))
  const start = at
  while (linking(tokens[at])) at++
  // Only past a linking word: "the project ended" ends, and "it turned up late" turned up.
  return at > start ? tokens.slice(at).find((token) => isContent(token) && token.pos !== 'ADV') : undefined
}

/**
 * The head of the noun phrase a question's words open with: "the state fine" → fine (however
 * tagged), "grh's surplus last year" → surplus, "the bonus holloway is passing up" → bonus.
 */
function subjectHead(words: Token[]): Token | undefined {
  const nominal = (token: Token | undefined) => token?.pos === 'NOUN' || token?.pos === 'PROPN'
  let head: Token | undefined
  for (const [i, token] of words.entries()) {
    const next = words[i + 1]
    if (head === undefined && (token.pos === 'DET' || token.pos === 'ADJ')) continue
    if (token.pos === 'PART' && head !== undefined) continue
    const startsAnother = head !== undefined && ((token.pos === 'ADJ' && nominal(next)) || (token.pos === 'PROPN' && head.pos === 'NOUN'))
    if (startsAnother || !(nominal(token) || (token.pos === 'ADJ' && head !== undefined))) break
    head = token
  }
  return head
}

/** "before suing": a verb in -ing, a clause with its subject left out. */
function gerund(token: Token | undefined): boolean {
  return token?.pos === 'VERB' && /ing$/i.test(token.text)
}

/** "to" and a verb, maybe after auxiliaries ("to be fully contained"), starting at `at`. */
function isInfinitive(tokens: Token[], at: number): boolean {
  if (tokens[at]?.text.toLowerCase() !== 'to') return false
  const verb = tokens.slice(at + 1).find((token) => token.pos !== 'AUX' && token.pos !== 'ADV')
  return verb?.pos === 'VERB'
}

/** "whos", "whats", "wheres": chat drops the apostrophe of a question word's "is". */
const UNMARKED_CONTRACTION = /^(who|what|where|when|how)s$/i

/** A question word typed with its "is" and no apostrophe, read as the two words the tagger reads "who's" as. */
function spellOut(token: Token): Token[] {
  const word = UNMARKED_CONTRACTION.exec(token.text)?.[1]
  if (!word) return [token]
  const cut = token.start + word.length
  return [
    { ...token, text: word, lemma: word.toLowerCase(), pos: 'PRON', end: cut, stop: true },
    { ...token, text: "'s", lemma: 'be', pos: 'AUX', start: cut, stop: true },
  ]
}

/**
 * Reads a question: its answer type, focus, predicate and the lemmas to look for. A function
 * word typed where the story has an abbreviation ("us" for U.S., "it" for IT) counts as that.
 */
export function analyseQuestion(command: Command, text: string, analysis: Analysis, abbreviations: ReadonlySet<string> = new Set()): AnalysedQuestion {
  const spelt = analysis.tokens.flatMap(spellOut)
  const present = atPresent(spelt)
  const read = spelt.map((token, i, all) => {
    if (INFORMAL_AUXILIARIES.has(token.text.toLowerCase())) return { ...token, stop: true, pos: 'AUX' }
    if (present.has(i)) return { ...token, stop: true, pos: 'ADV' }
    // "the beams", "on leave": right after a determiner or a preposition English has no finite verb; the tagger misread a noun
    // (or, in -ed, a participle describing one: "the closed plant"). A gerund stays: "on stopping the sale".
    const before = all[i - 1]
    if (token.pos === 'VERB' && (before?.pos === 'DET' || (before?.pos === 'ADP' && lower(before) !== 'to')) && !/ing$/i.test(token.text))
      return { ...token, pos: /(?:ed|en)$/i.test(token.text) ? 'ADJ' : 'NOUN' }
    // A lone letter ("when r trains coming back", "n") is chat for a function word: nothing to look for.
    if (/^\p{L}$/u.test(token.text) && !withMagnitude(all[i - 1]?.text ?? '', token.text))
      return /^r$/i.test(token.text) ? { ...token, lemma: 'be', pos: 'AUX', stop: true } : { ...token, stop: true }
    // "when did ER docs first flag …": capitals typed among lowercase words spell a name, however the tagger read them.
    if (/^\p{Lu}{2,}$/u.test(token.text) && /\p{Ll}/u.test(text) && token.pos !== 'PROPN' && token.pos !== 'NOUN')
      return { ...token, lemma: fold(token.text), pos: 'PROPN', stop: false }
    // "310k customers", "4.5 mil": the number as the story writes it, then its magnitude (or nothing).
    const figure = withMagnitude(token.text, all[i + 1]?.text ?? '')
    if (figure) return { ...token, lemma: figure[0], pos: 'NUM' }
    // "up 1200 votes": news copy writes a number of thousands with commas ("1,200"), a year without.
    if (/^\d{4,}$/.test(token.text) && !/^(?:1[89]|20)\d\d$/.test(token.text))
      return { ...token, lemma: Number(token.text).toLocaleString('en-US'), pos: 'NUM' }
    const magnitude = i > 0 ? withMagnitude(all[i - 1]?.text ?? '', token.text) : null
    if (magnitude) return magnitude[1] ? { ...token, lemma: magnitude[1], pos: 'NUM', stop: false } : { ...token, pos: 'SYM', stop: true }
    return token.stop && token.text === token.text.toLowerCase() && abbreviations.has(fold(token.text))
      ? { ...token, lemma: fold(token.text), stop: false, pos: 'PROPN' }
      : token
  })
  // The verb the tagger read as a noun: after "did" and its subject ("did goldman last speed up …"),
  // or right after "who" ("who talks for the union"), where English has only a verb.
  const subject = subjectAfterDo(read)
  const subjectRead = read.map((token) => (token === subject ? { ...token, pos: 'NOUN' } : token))
  const verb = verbAfterDo(subjectRead) ?? verbAfterWho(subjectRead)
  const misread = verb ? read[subjectRead.indexOf(verb)] : undefined
  const tokens = read.map((token, i) => {
    if (token === misread) return { ...token, pos: 'VERB' }
    if (token === subject) return { ...token, pos: 'NOUN' }
    // "who's gonna chair the search committee": after "gonna", "will", "could", English has only a verb.
    const before = read[i - 1]
    // Not after a modal opening the question: "when could ant list" puts the subject there.
    const modal = before && (INFORMAL_AUXILIARIES.has(lower(before)) || (MODALS.has(lower(before)) && !invertedAuxiliary(before, i - 1, read)))
    if (token.pos === 'NOUN' && modal) return { ...token, pos: 'VERB' }
    // "the one who died", "and the btimes one?": "one" after a determiner stands for a thing, it counts nothing.
    if (token.lemma === 'one' && read[i - 1]?.pos === 'DET') return { ...token, pos: 'PRON', stop: true }
    const next = read[i + 1]
    if (SEMI_MODALS.has(token.lemma) && token.pos === 'VERB' && isInfinitive(read, i + 1)) return { ...token, pos: 'AUX', stop: true }
    // "brightwater's lead attorney": after a possessive and before a noun, a word modifies the noun; it is no verb.
    if (token.pos === 'VERB' && POSSESSIVE.test(read[i - 1]?.text ?? '') && next?.pos === 'NOUN') return { ...token, pos: 'ADJ' }
    // "the track got checked", "who got tasked with": "get" before a participle is the passive's auxiliary.
    const participle = next?.pos === 'VERB' && !/ing$/i.test(next.text)
    return token.lemma === 'get' && participle ? { ...token, pos: 'AUX', stop: true } : token
  })
  const { type, focusAt } = typeOf(command, tokens)
  const focusToken = focusAt >= 0 ? tokens[focusAt] : undefined
  const kindNouns: Set<string> | undefined = type in ANSWER_KIND_NOUNS ? ANSWER_KIND_NOUNS[type as keyof typeof ANSWER_KIND_NOUNS] : undefined
  const dropFocus = focusToken !== undefined && kindNouns?.has(focusToken.lemma) === true
  const kindOnly = (token: Token) =>
    token.pos === 'NOUN' &&
    ((type === 'date' && ANSWER_KIND_NOUNS.date.has(token.lemma) && token.lemma !== 'week') ||
      // "what's the engineer's name": the name is what is asked for, not a word to find ("did not name the engineer").
      (command === 'who' && token.lemma === 'name'))
  // "how long": the word after "how" names the kind of answer (a length of time), not something the story says.
  const howWord = type === 'duration' || type === 'amount' ? tokens.find((token, i) => i > 0 && lower(tokens[i - 1]) === 'how') : undefined
  const after = (token: Token) => tokens.slice(tokens.indexOf(token) + 1)
  // "when was the last blast before it collapsed": a clause that only places the event in time names another event.
  const timeClause = tokens.findIndex(
    (token, i) =>
      i > 0 &&
      TIME_SUBORDINATORS.has(token.lemma) &&
      (token.pos === 'ADP' || token.pos === 'SCONJ') &&
      (SUBJECTS.has(tokens[i + 1]?.pos ?? '') || gerund(tokens[i + 1])),
  )
  const mainClause = (token: Token) => timeClause < 0 || tokens.indexOf(token) < timeClause
  // "the hearing on stopping the bond sale": a gerund after a preposition tells what a noun is about; it is not the event.
  const governed = (token: Token) => gerund(token) && tokens[tokens.indexOf(token) - 1]?.pos === 'ADP'
  const verbs = tokens
    .filter((token) => token.pos === 'VERB' && !AUXILIARIES.has(token.lemma) && token !== focusToken && mainClause(token) && !governed(token))
    .map((verb) => {
      // "when was the 30mph limit put on that curve": a light verb with no object of its own, passive, is about its subject.
      const before = tokens.slice(0, tokens.indexOf(verb))
      const passive =
        after(verb)[0]?.pos === 'ADP' && before.some((token) => token.lemma === 'be') ? [...before].reverse().find((token) => token.pos === 'NOUN') : undefined
      // "go after the deal", "take over the chain": a particle makes a phrasal verb, whose meaning is its own.
      const phrasal = after(verb)[0]?.pos === 'ADP' && after(verb)[1]?.pos !== 'NOUN' && passive === undefined
      const object =
        LIGHT_VERBS.has(verb.lemma) && !phrasal
          ? (passive ?? after(verb).find((token) => token.pos === 'NOUN') ?? after(verb).find((token) => isContent(token) && token.pos !== 'ADV'))
          : undefined
      return (object ?? complementOf(tokens, verb) ?? verb).lemma
    })
  // With no verb ("when is Biden's inauguration", "us election date") the event is a noun: the last one.
  const nouns = tokens.filter((token) => token.pos === 'NOUN' && token !== focusToken && !kindOnly(token) && mainClause(token))
  const nounsInOrder = nouns.map((token) => token.lemma)
  // A bare phrase ("fda recall posting date") is a compound: its last word names the thing, as in "us election date".
  const compound = (token: Token) => ['NOUN', 'VERB', 'PROPN'].includes(tokens[tokens.indexOf(token) + 1]?.pos ?? '')
  const phrase = !tokens.some((token) => token.pos === 'AUX' || WH_WORD.test(token.text)) && tokens.filter((token) => token.pos === 'VERB').every(compound)
  // "when's the legislative hearing on the ferry deal": the noun before the first preposition heads the phrase and names the event.
  const preposition = tokens.findIndex((token, i) => token.pos === 'ADP' && nouns.some((noun) => tokens.indexOf(noun) < i))
  const head = preposition < 0 ? undefined : nouns.filter((noun) => tokens.indexOf(noun) < preposition).at(-1)
  const nounEvents = [...(head ? [head.lemma] : []), ...[...nounsInOrder].reverse().filter((lemma) => lemma !== head?.lemma)]
  const predicates = verbs.length ? (phrase ? [...verbs].reverse() : verbs) : nounEvents
  const eventIsNoun = verbs.length === 0
  // "which outlets ran the story that …": verbs of reporting frame the claim; in a bare claim ("the quarry is up and running") they are its own.
  const framed = type === 'reporters' && /^(?:which|what|who|where)/i.test(tokens.find((token) => /\p{L}/u.test(token.text))?.text ?? '')
  // Figures count even when they are function words to the tagger ("a third", "eight").
  const figures = tokens.filter((token) => isFigure(token, analysis))
  const searched = tokens
    .filter((token) => (isContent(token) || figures.includes(token)) && !AUXILIARIES.has(token.lemma))
    .filter((token) => !(dropFocus && token === focusToken) && !kindOnly(token) && token !== howWord)
    .filter((token) => !(framed && REPORTING.has(token.lemma)))
    // "ended up being the decisive yes": nothing ended; the complement says what happened.
    .filter((token) => !(token.pos === 'VERB' && complementOf(tokens, token)))
    // "how long did the jury take": a light verb with no object asks how long its subject was at it, and names nothing to find.
    .filter((token) => !(type === 'duration' && LIGHT_VERBS.has(token.lemma) && !after(token).some((next) => next.pos === 'NOUN')))
  return {
    text,
    command,
    type,
    focus: focusToken && !dropFocus ? focusToken.lemma : null,
    predicates,
    eventIsNoun,
    nouns: nounsInOrder,
    figures: figures.map((token) => token.lemma),
    lemmas: searched.map((token) => token.lemma),
    surfaces: searched.map((token) => fold(token.text)),
    tokens,
    negated: tokens.some((token) => token.negated),
  }
}
