import type { IndexDocument } from '../index/search-index.js'
import { editDistanceWithin } from '../language/spelling.js'
import { correctedDates } from './corrections.js'
import { type Analysis, fold, isContent, isFigure, type Language, type Token } from '../language/index.js'
import { corporateCore } from '../ingest/resolve.js'
import type { Article, EntityType, Passage } from '../ingest/types.js'

/** One entity across the story: where it is named and the roles the articles give it. */
export interface EntityRecord {
  name: string
  type: EntityType
  /** Folded words of the name, for matching what people type. */
  words: string[]
  roles: Role[]
  passages: number[]
}

/** A role the text gives an entity, in which passage, and the body it is held at where the text ties it to one. */
export interface Role {
  role: string
  passage: number
  /** "the department's spokeswoman": the body named earlier in the article that the role's owner word refers to. */
  owner: string | null
}

/** Everything the answer engine needs, computed once from the corpus: passages, terms, entities. */
export interface Knowledge {
  articles: Map<string, Article>
  passages: Passage[]
  /** Each passage's position in `passages`, by passage id (the index's ids). */
  positions: Map<string, number>
  /** Content lemmas of each sentence of each passage (see `language/`). */
  sentenceTerms: string[][][]
  /** In how many passages each term occurs. */
  documentFrequency: Map<string, number>
  entities: Map<string, EntityRecord>
  /** Everyone the story quotes or reports as saying something in its own voice. */
  speakers: Set<string>
  /** Entity records by each (folded) word of their names, and by the words run together. */
  entityWords: Map<string, EntityRecord[]>
  /** Words the story also writes in lower case: "Department" is then a common noun, not a name. */
  lowercaseWords: Set<string>
  /** Abbreviations the story writes in capitals ("U.S." → us, "IT" → it): typed in lower case, they are not function words. */
  capitalWords: Set<string>
  /** The language resources the story was analysed with; queries use the same. */
  language: Language
  /** Story terms each query lemma matched, filled as questions come (see retrieve.ts). */
  matchCache: Map<string, Map<string, number>>
  /** Date mentions an outlet's correction says were wrong, as `passage index:offset`, with the correction's passage (see corrections.ts). */
  correctedDates: Map<string, number>
}

/** Analysis a snapshot already holds, so loading need not redo it. */
export interface Analysed {
  sentenceTerms: string[][][]
  documentFrequency: Map<string, number>
  speakers: Set<string>
}

/**
 * Flattens the corpus and analyses every passage once, reusing whatever analysis is given (from
 * a snapshot, or kept by a story whose articles change). Pure.
 */
export function buildKnowledge(articles: Article[], language: Language, analysed: Partial<Analysed> = {}): Knowledge {
  const passages = articles.flatMap((article) => article.passages)
  const sentenceTerms = analysed.sentenceTerms ?? passages.map((passage) => passageTerms(passage, language))
  let documentFrequency = analysed.documentFrequency
  if (!documentFrequency) {
    documentFrequency = new Map<string, number>()
    for (const sentences of sentenceTerms) for (const term of new Set(sentences.flat())) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1)
  }
  const entities = new Map<string, EntityRecord>()
  // A role's owner is looked for among many bodies, for every role of the story: each name's initials are worked out once.
  const initials = new Map<string, string>()
  const initialsOfName = (name: string) => {
    let spelt = initials.get(name)
    if (spelt === undefined) initials.set(name, (spelt = initialsOfWords(nameWords(corporateCore(name)))))
    return spelt
  }
  passages.forEach((passage, index) => {
    for (const entity of passage.entities) {
      let record = entities.get(entity.name)
      if (!record) {
        record = { name: entity.name, type: entity.type, words: nameWords(corporateCore(entity.name)), roles: [], passages: [] }
        entities.set(entity.name, record)
      }
      if (record.passages.at(-1) !== index) record.passages.push(index)
      if (entity.role) record.roles.push({ role: entity.role, passage: index, owner: ownerOf(entity.role, passages, index, entity.offset, initialsOfName) })
    }
  })
  const speakers = analysed.speakers ?? speakersOf(passages)
  const lowercaseWords = new Set<string>()
  const capitalWords = new Set<string>()
  for (const passage of passages) {
    for (const match of passage.text.matchAll(/(?<![\p{L}\p{N}])\p{Ll}[\p{Ll}'-]*/gu)) lowercaseWords.add(match[0])
    for (const match of passage.text.matchAll(/(?<![\p{L}\p{N}.])(?:\p{Lu}\.){2,}|(?<![\p{L}\p{N}])\p{Lu}{2,}(?![\p{L}\p{N}])/gu))
      capitalWords.add(fold(match[0]))
  }
  const entityWords = new Map<string, EntityRecord[]>()
  // A name is also typed run together ("cge" for CG&E, "wechatpay" for WeChat Pay).
  for (const record of entities.values())
    for (const word of new Set([...record.words, ...(record.words.length > 1 ? [record.words.join('')] : [])]))
      entityWords.set(word, [...(entityWords.get(word) ?? []), record])
  return {
    articles: new Map(articles.map((article) => [article.id, article])),
    passages,
    positions: new Map(passages.map((passage, position) => [passage.id, position])),
    sentenceTerms,
    documentFrequency,
    entities,
    speakers,
    entityWords,
    lowercaseWords,
    capitalWords,
    language,
    matchCache: new Map(),
    correctedDates: correctedDates(passages, (text) =>
      language
        .analyse(text)
        .tokens.filter(isContent)
        .map((token) => token.lemma),
    ),
  }
}

/** The searchable terms of each of the passage's sentences: content lemmas, the dictionary's phrases, figures and acronyms. */
export function passageTerms(passage: Passage, language: Language): string[][] {
  return termsBySentence(passage, language.analyse(passage.text), language)
}

/** The searchable terms of each of the passage's sentences, from one analysis of the passage. */
function termsBySentence(passage: Passage, analysis: Analysis, language: Language): string[][] {
  const bySentence: Token[][] = passage.sentences.map(() => [])
  let sentence = 0
  for (const token of analysis.tokens) {
    const at = passage.start + token.start
    while (sentence < passage.sentences.length - 1 && at >= (passage.sentences[sentence]?.end ?? Infinity)) sentence++
    bySentence[sentence]?.push(token)
  }
  const searchable = (token: Token) => isContent(token) || isFigure(token, analysis)
  return bySentence.map((tokens) => [
    ...tokens.filter(searchable).map((token) => token.lemma),
    ...language.phrases(tokens).map((phrase) => phrase.lemma),
    ...acronymsOf(tokens, (phrase) => language.isPersonNoun(phrase)),
  ])
}

const NOMINAL = new Set(['NOUN', 'PROPN', 'ADJ'])
const INSIDE_NAMES = new Set(['of', 'per', 'and', 'for', '&'])

/**
 * The initials of the sentence's noun phrases, as people abbreviate them: "chief financial
 * officer" → cfo, "earnings per share" → eps, "Securities and Exchange Commission" → sec (and
 * saec), and a title's two ("Attorney General" → ag). Indexed beside the words, so a typed
 * abbreviation finds the phrase.
 */
export function acronymsOf(tokens: Token[], isPersonNoun: (word: string) => boolean = () => false): string[] {
  const acronyms = new Set<string>()
  tokens.forEach((first, start) => {
    if (!NOMINAL.has(first.pos)) return
    let full = ''
    let nominal = ''
    let words = 0
    const phrase: string[] = []
    for (const token of tokens.slice(start)) {
      if (words >= 5) break
      const connector = INSIDE_NAMES.has(token.text.toLowerCase())
      if (!NOMINAL.has(token.pos) && !connector) break
      // A hyphenated word gives each part's initial ("Tri-County Regional Rail" → tcrr).
      const initial = fold(token.text)
        .split('-')
        .map((part) => part[0] ?? '')
        .join('')
      if (!connector && !/^[a-z]/.test(initial)) break
      if (/^[a-z]/.test(initial)) full += initial
      if (!connector) {
        nominal += initial
        words++
      }
      if (!connector) phrase.push(fold(token.text))
      if (!connector && words >= 2) {
        if (full.length >= 3) acronyms.add(full)
        if (nominal.length >= 3) acronyms.add(nominal)
        // Two letters stand for a title only ("Attorney General" → ag, "general manager" → gm): other pairs are words.
        if (nominal.length === 2 && isPersonNoun(phrase.join('_'))) acronyms.add(nominal)
      }
    }
  })
  return [...acronyms]
}

/** The folded words of a name, as people type them ("Yi-suo" → yi, suo; "Ma's" → ma). */
export function nameWords(text: string): string[] {
  return fold(text)
    .replace(/'s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
}

/**
 * A body's head noun as written: "Tessler County Health Department" → department, "Area Chamber of
 * Commerce" → chamber, "Northline Clinical Systems" → systems (which "the system's" is not).
 */
export function headWord(name: string): string {
  const words = name.split(/\s+(?:of|for|on)\s+/)[0]?.split(/\s+/) ?? []
  return fold(words.at(-1) ?? '')
}

/**
 * "Renata Vos, the department's spokeswoman", "TCHD spokeswoman Renata Vos": a role that gives its
 * body by a common noun ("the department's", "the zoo's") or by initials is held at the body of
 * that kind, or with those initials, named last before it in the article; one written after a
 * body's name in the possessive ("Corvane's chief executive, Marjorie Haskett") at that body.
 */
function ownerOf(role: string, passages: Passage[], index: number, offset: number, initialled: (name: string) => string): string | null {
  const [, modifiers = '', possessive] = /^(?:the|its|their)?\s*((?:\p{Ll}+\s+)*?)(\p{Ll}[\p{Ll}-]*)['’]s\s/u.exec(role) ?? []
  const initials = /^(?:the\s+)?(\p{Lu}{2,})(?:['’]s)?\s/u.exec(role)?.[1]?.toLowerCase()
  // "Department spokeswoman Marisol Quintero-Vance": a word of a body's name written before the role names that body.
  const nameWord = initials ? undefined : /^(\p{Lu}\p{Ll}+)\s+\p{Ll}/u.exec(role)?.[1]?.toLowerCase()
  const passage = passages[index]
  if (!passage) return null
  // "Corvane's chief executive, Marjorie Haskett": a body named in the possessive right before the role.
  const roleAt = passage.text.lastIndexOf(role, offset)
  const possessor = passage.entities
    .filter((entity) => entity.type !== 'person' && entity.type !== 'place' && entity.offset < roleAt && roleAt - entity.offset <= 60)
    .filter((entity) => /^[^,;.]*['’]s\s+$/u.test(passage.text.slice(entity.offset, roleAt)))
    .at(-1)
  if (roleAt >= 0 && roleAt + role.length <= offset && possessor) return possessor.name
  if (!possessive && !initials && !nameWord) return null
  const bodies: string[] = []
  // Every name told so far but people's: a short name ("Sallowbrook") may pass for a place's.
  const told: string[] = []
  for (let at = index; at >= 0 && passages[at]?.article === passage.article; at--) {
    const mentions = (passages[at]?.entities ?? []).filter((entity) => entity.type !== 'person' && (at < index || entity.offset < offset))
    bodies.unshift(...mentions.filter((entity) => entity.type !== 'place').map((entity) => entity.name))
    told.push(...mentions.map((entity) => entity.name))
  }
  // "the TCHD" stands for the Tessler County Health Department it abbreviates, a department.
  const spelt = (name: string) => (/^\p{Lu}{2,}$/u.test(name) ? (bodies.find((body) => body !== name && initialled(body) === fold(name)) ?? name) : name)
  const owns = (name: string) =>
    possessive
      ? headWord(spelt(name)) === possessive && describes(modifiers, spelt(name))
      : nameWord
        ? nameWords(spelt(name)).includes(nameWord)
        : fold(name) === initials || initialled(name) === initials
  // "the credit union's longtime chief executive", in an article on Sallowbrook Credit Union that also names the one taking it
  // over: of the bodies it could be, the one the article has told of most so far (the latest of those, if tied).
  const owners = bodies.filter((body) => owns(body)).map(spelt)
  // Told of by its full name or a short one ("Sallowbrook").
  const mentions = (name: string) => told.filter((each) => nameWords(spelt(each)).every((word) => nameWords(name).includes(word))).length
  return owners.reduce<string | null>((best, owner) => (best === null || mentions(owner) >= mentions(best) ? owner : best), null)
}

/** "the county department's": every word before the kind is a word of the body's name. */
function describes(modifiers: string, name: string): boolean {
  const words = nameWords(name)
  return modifiers
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => words.includes(word))
}

/** Everyone quoted, or reported as saying something in the article's own voice. */
function speakersOf(passages: Passage[]): Set<string> {
  const speakers = new Set<string>()
  for (const passage of passages) {
    for (const quote of passage.quotes) if (quote.speaker) speakers.add(quote.speaker)
    for (const entity of passage.entities) if (saysInOwnVoice(passage, entity.offset)) speakers.add(entity.name)
  }
  return speakers
}

/** "Tencent said …" in the article's own voice, not inside someone else's quote. */
export function saysInOwnVoice(passage: Passage, offset: number): boolean {
  const insideQuote = passage.quotes.some((quote) => offset >= quote.offset && offset < quote.offset + quote.text.length)
  return !insideQuote && /^[^.]{0,40}\b(said|says|stated|told)\b/.test(passage.text.slice(offset, offset + 80))
}

/** The passage at a position the engine handed out; any other position is a bug, and says so. */
export function passageAt(knowledge: Knowledge, index: number): Passage {
  const passage = knowledge.passages[index]
  if (!passage) throw new RangeError(`no passage ${index} in a story of ${knowledge.passages.length}`)
  return passage
}

/** The index documents for the passages (all, or those of some articles): their analysed text. */
export function indexDocuments(knowledge: Knowledge, articles?: Set<string>): IndexDocument[] {
  return knowledge.passages.flatMap((passage, position) =>
    !articles || articles.has(passage.article) ? [{ id: passage.id, terms: (knowledge.sentenceTerms[position] ?? []).flat() }] : [],
  )
}

/** How rare in English a name's first word must be to stand for the whole name ("goldman", "larkspur"; not "new"). */
export const RARE_NAME_WORD = 0.7

/** Words a body's initials leave out ("Bureau *of* Mine Safety" → bms). */
const UNINITIALLED = new Set(['of', 'and', 'the', 'for', 'on', 'at', 'in'])

/** A body's initials as people type them: "Tri-County Regional Rail" → tcrr. */
export function initialsOf(record: EntityRecord): string {
  return initialsOfWords(record.words)
}

function initialsOfWords(words: string[]): string {
  return words
    .filter((word) => !UNINITIALLED.has(word))
    .map((word) => word[0] ?? '')
    .join('')
}

/** The bodies of three words or more whose initials are among these ("cna" → Coastal Navigation Authority). */
export function bodiesInitialled(knowledge: Knowledge, initials: ReadonlySet<string>): EntityRecord[] {
  if (initials.size === 0) return []
  // "DOT" for the Department of Transportation: some initials keep the "of".
  const spelt = (record: EntityRecord) => initials.has(initialsOf(record)) || initials.has(record.words.map((word) => word[0] ?? '').join(''))
  return [...knowledge.entities.values()].filter((record) => record.type !== 'person' && record.words.length >= 3 && spelt(record))
}

/**
 * Entities whose name the query mentions: every word of the name, a person's surname, or a body's
 * initials where the story spells it out ("tcrr" for Tri-County Regional Rail), matched.
 */
export function entitiesIn(knowledge: Knowledge, query: string): EntityRecord[] {
  const queryWords = nameWords(query)
  const near = new Map<string, boolean>()
  const has = (word: string): boolean => {
    let typed = near.get(word)
    if (typed === undefined) {
      typed = queryWords.some((each) => each === word || (word.length >= 5 && editDistanceWithin(each, word, 1)))
      near.set(word, typed)
    }
    return typed
  }
  const touched = new Set<EntityRecord>()
  // …unless a word for people follows it ("the fenwick kid", "the halvorsen family"): a surname again.
  const typedAfterThe = queryWords.filter((_, i) => i > 0 && queryWords[i - 1] === 'the' && !knowledge.language.isPersonNoun(queryWords[i + 1] ?? ''))
  const afterThe = (word: string) => typedAfterThe.some((each) => each === word || (word.length >= 5 && editDistanceWithin(each, word, 1)))
  for (const typed of queryWords) {
    for (const record of knowledge.entityWords.get(typed) ?? []) touched.add(record)
    const misspelt = typed.length >= 5 && !knowledge.entityWords.has(typed) && !knowledge.documentFrequency.has(typed)
    if (misspelt) {
      for (const [word, records] of knowledge.entityWords) if (editDistanceWithin(typed, word, 1)) for (const record of records) touched.add(record)
    }
  }
  const whole: EntityRecord[] = []
  const partial: EntityRecord[] = []
  const abbreviations = new Set(queryWords.filter((typed) => typed.length >= 3 && !knowledge.entityWords.has(typed) && !knowledge.language.isWord(typed)))
  whole.push(...bodiesInitialled(knowledge, abbreviations))
  for (const record of touched) {
    const runTogether = record.words.length > 1 && has(record.words.join(''))
    if (runTogether && record.type !== 'place') {
      whole.push(record)
      continue
    }
    if (record.type === 'place' || record.words.every((word) => word.length <= 2 || knowledge.lowercaseWords.has(word))) continue
    const [first = '', ...others] = record.words
    const last = others.at(-1) ?? ''
    // "at the halvorsen": after "the", a word is a thing's name, not someone's surname.
    const surname = record.type === 'person' && last.length > 2 && has(last) && !afterThe(last)
    const leading = record.type !== 'person' && others.length > 0 && first.length > 2 && has(first) && knowledge.language.rarity(first) >= RARE_NAME_WORD
    if (record.words.every(has)) whole.push(record)
    else if (surname || leading) partial.push(record)
  }
  // "wechat" names WeChat, not WeChat Pay: a partial match counts only when no whole name took the word.
  const taken = new Set(whole.flatMap((record) => record.words))
  const found = [...whole, ...partial.filter((record) => !record.words.some((word) => taken.has(word)))]
  return found.sort((a, b) => b.words.length - a.words.length || b.passages.length - a.passages.length)
}
