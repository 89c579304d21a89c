import { PERSON_ROLES, PLACES, TITLES } from '../../ingest/annotate/lexicon.js'
import { fold, titleWord, type Token } from '../../language/index.js'
import type { AnswerContext, Asked } from '../context.js'
import { lemmasOf } from '../extract.js'
import { type EntityRecord, entitiesIn, headWord, initialsOf, passageAt, RARE_NAME_WORD, type Role } from '../knowledge.js'
import { type Candidate, pinnedCandidate, storyMatches } from '../retrieve.js'
import type { Answer } from '../types.js'

/*
 * Roles and who holds them: "who is Tencent's CEO", "the gm of tcrr", "Commerce secretary Wilbur
 * Ross". A role belongs to the organisation it names, the one named just before it, or — naming
 * none — the one its article is about.
 */

/** How close in meaning a role's word must be to the one asked for ("attorney" for "lawyer"): a shared sense. */
const ROLE_CLOSENESS = 0.8

/** What a role check needs of the language: how close two words are, and which words for people name kinds of others. */
export interface RoleSense {
  relatedness(a: string, b: string): number
  isKindOf(word: string, kind: string): boolean
}

/** Most words of a title read as one ("chief executive officer"). */
const LONGEST_TITLE = 3

/**
 * "chief financial officer" is also "cfo": a role matches its own words or their initials, and —
 * given the language — a word of the same sense ("attorney" for "lawyer") or a kind of the
 * one asked for ("general manager" or "CEO" for "head", "spokeswoman" for "spokesperson").
 */
export function roleMatches(role: string, roleWord: string, sense?: RoleSense): boolean {
  if (!sense) return matchesRole(role, roleWord)
  // A story repeats its roles ("spokeswoman", "CEO") across thousands of mentions: each is judged once per sense.
  let judged = JUDGED.get(sense)
  if (!judged) JUDGED.set(sense, (judged = new Map<string, boolean>()))
  const key = `${roleWord}\u0000${role}`
  let matches = judged.get(key)
  if (matches === undefined) judged.set(key, (matches = matchesRole(role, roleWord, sense)))
  return matches
}

const JUDGED = new WeakMap<RoleSense, Map<string, boolean>>()

function matchesRole(role: string, roleWord: string, sense?: RoleSense): boolean {
  // "Capt." is a captain.
  const words = fold(role)
    .split(/[^a-z0-9-]+/)
    .filter(Boolean)
    .map((word) => titleWord(word) ?? word)
  const head = headWords(words)
  const titles = head.flatMap((_, start) => Array.from({ length: LONGEST_TITLE }, (__, length) => head.slice(start, start + length + 1).join('_')))
  const initials = words
    .filter((word) => word.length > 2)
    .map((word) => word[0])
    .join('')
  // "Chief Executive" is the CEO, "chief financial" the CFO: the officer goes without saying.
  const officer = head.includes('chief') && !head.includes('officer') ? `${initials}o` : initials
  return (
    words.includes(roleWord) ||
    (sense !== undefined &&
      (head.some((word) => sense.relatedness(word, roleWord) >= ROLE_CLOSENESS) || titles.some((title) => sense.isKindOf(title, roleWord)))) ||
    officer.includes(roleWord)
  )
}

/**
 * The language for role checks in this story: a word the story never uses ("mouthpiece") stands
 * for its kind (a spokesperson) — `wide`, in every sense ("boss" for a leader); a title ("CEO",
 * "CFO") or a word the story uses means itself.
 */
export function roleSense(context: AnswerContext, roleWord: string, wide = false): RoleSense {
  const { language } = context.knowledge
  const unused = !PERSON_ROLES.has(roleWord) && !TITLES.has(roleWord) && storyMatches(context.knowledge, roleWord).size === 0
  const broaden = unused ? (wide ? 'any' : 'leaf') : undefined
  return { relatedness: (a, b) => language.relatedness(a, b), isKindOf: (word, kind) => language.isKindOf(word, kind, broaden) }
}

/** The same sense, matching a role only as itself or its synonym, never as a kind of it. */
function withoutKinds(sense: RoleSense): RoleSense {
  return { ...sense, isKindOf: () => false }
}

/** The words of a role before what it is of ("president" of "president of the Brotherhood of Locomotive Engineers"). */
function headWords(words: string[]): string[] {
  const of = words.findIndex((word) => /^(?:of|at|for|with|in|who|which|that)$/.test(word))
  return of < 0 ? words : words.slice(0, of)
}

/**
 * "who is Tencent's CEO", "jpmorgan cfo": only an entity the story gives that role, tied to the
 * named one, answers. `wide`, a role word the story never uses stands for its kind in every sense;
 * `part`, the role is in that part of the named one ("Board Chair" leads the CRTA's board).
 */
export function roleHolder(context: AnswerContext, asked: Asked, record: EntityRecord, roleWord: string, wide = false, part?: string): Answer | null {
  const core = record.words.join(' ')
  // "a spokeswoman for Tri-County Regional Rail" names the body of words tri county regional rail.
  const words = (text: string) => fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ')
  // "head of cyberwarfare … at the Institute for National Defence": a role of something else, held at the one named.
  const ofRecord = (role: string) => {
    const plain = words(role)
    const of = /\bof (?:the )?(.*)$/.exec(plain)?.[1]
    return plain.includes(core) && (of === undefined || of.startsWith(core) || !plain.slice(0, plain.indexOf(of)).trim())
  }
  const spellings = context.spellingsOf([record])
  const heldAt = (entry: Role) => ofRecord(entry.role) || (entry.owner !== null && spellings.has(entry.owner))
  // "the tax expert from Friedman LLP": a role at the named organisation that shares the question's other words.
  const nameLemmas = new Set([...record.words, ...lemmasOf(record.words.join(' '))])
  const topic = asked.question.lemmas.filter((lemma) => lemma !== roleWord && !lemma.split(/[^\p{L}\p{N}]+/u).every((part) => nameLemmas.has(part)))
  const sharesTopic = (role: string) => topic.length > 0 && lemmasOf(role).some((lemma) => topic.includes(lemma))
  const sense = roleSense(context, roleWord, wide)
  // "Chief Executive Officer Lloyd Blankfein", in an article about Goldman: a title whose sentence
  // names no other organisation is the article's subject's ("JPMorgan Chase’s chief financial officer" is not).
  const subjects = new Map<string, string | null>()
  const ownerless = (role: { role: string; passage: number }) => {
    const passage = passageAt(context.knowledge, role.passage)
    const sentence = passage.sentences.find((each) => each.text.includes(role.role))?.text ?? role.role
    const others = entitiesIn(context.knowledge, sentence).filter((each) => each.type !== 'person' && !spellings.has(each.name))
    if (!subjects.has(passage.article)) subjects.set(passage.article, subjectOf(context, passage.article))
    return others.length === 0 && spellings.has(subjects.get(passage.article) ?? '')
  }
  // A title the sentence ties to no body is the article's subject's only when it is the asked role itself or its
  // synonym — not any kind of it ("President Donald Trump" in an article about Goldman heads no Goldman).
  const strict = withoutKinds(sense)
  // "corvanta's finance chief": of the chiefs, the one whose title tells of finance ("Chief Financial Officer").
  const modifier = modifierOf(asked.question.tokens, roleWord, record)
  const { language } = context.knowledge
  const modified = (role: string) => modifier === null || lemmasOf(role).some((lemma) => language.relatedness(lemma, modifier) >= MODIFIER_CLOSENESS)
  // A role the text ties to the body ("the department's spokeswoman") before one only thought its by the article's subject.
  const found: { answer: Answer; rank: number }[] = []
  for (const other of context.knowledge.entities.values()) {
    if (other === record) continue
    // Someone another of whose roles says whose they are ("the family's lead attorney") is not the subject's by a bare title.
    const theirs = other.roles.some((each) => /['’]s\s|\b(?:for|of|at)\s/i.test(each.role) && !heldAt(each))
    const tied = (entry: Role, owned: boolean) => owned || (other.type === 'person' && !theirs && ownerless(entry))
    // The role asked for must be the named one's ("head of cyberwarfare at the Institute" heads no institute);
    // someone else who shares the question's topic need only be at it ("head of international tax services at Friedman LLP").
    const tiers = [
      (entry: Role) => roleMatches(entry.role, roleWord, sense) && heldAt(entry),
      (entry: Role) =>
        (roleMatches(entry.role, roleWord, strict) && tied(entry, false)) || (sharesTopic(entry.role) && tied(entry, words(entry.role).includes(core))),
    ]
    const held = other.roles.filter((entry) => part === undefined || lemmasOf(entry.role).includes(part))
    const tier = tiers.findIndex((matches) => held.some(matches))
    const role = tier >= 0 ? held.find((entry) => tiers[tier]?.(entry)) : undefined
    const [owner = core] = record.words
    const holder = role ?? (other.type === 'person' && part === undefined ? holderBeside(context, other, owner, roleWord) : null)
    if (!holder) continue
    const answer = context.found(asked.base, [naming(context, holder.passage, other.name)], other.name)
    // "corvanta's finance chief": a title that tells of the word before the role comes first.
    found.push({ answer, rank: (modified(role?.role ?? '') ? 0 : 10) + (tier >= 0 ? tier : 1) })
  }
  return found.reduce<{ answer: Answer; rank: number } | null>((best, each) => (best === null || each.rank < best.rank ? each : best), null)?.answer ?? null
}

/** How close in meaning a word of a title must be to the word before the asked role ("financial" to "finance"). */
const MODIFIER_CLOSENESS = 0.7

/** The noun or adjective right before the role word in the question ("finance" of "finance chief"), unless it is part of the body's name. */
function modifierOf(tokens: Token[], roleWord: string, record: EntityRecord): string | null {
  const at = tokens.findIndex((token) => fold(token.text) === roleWord || token.lemma === roleWord)
  const before = at > 0 ? tokens[at - 1] : undefined
  if (!before || before.stop || (before.pos !== 'NOUN' && before.pos !== 'ADJ') || record.words.includes(fold(before.text))) return null
  return before.lemma
}

/** How close a typed word must be to a word of a body's name to stand for it ("dept" for department). */
const NAME_WORD_CLOSENESS = 0.8

/**
 * "the county health dept", "the local chamber of commerce": a body these words of a question
 * describe by the noun its name ends on and some of its other words, not by its name. Of the bodies whose head
 * noun the question has, the one most of whose words it has; none if the question names none.
 */
export function bodyDescribed(context: AnswerContext, tokens: Token[]): EntityRecord | null {
  const { knowledge } = context
  const nouns = tokens.filter((token) => !token.stop && token.pos !== 'VERB' && /\p{L}/u.test(token.text))
  const stands = (token: Token, word: string) => standsForNameWord(context, token, word)
  let best: { record: EntityRecord; score: number } | null = null
  for (const record of knowledge.entities.values()) {
    if (record.type === 'person' || record.type === 'place' || record.words.length < 2) continue
    const head = headWord(record.name)
    if (!nouns.some((token) => stands(token, head))) continue
    // A noun the name lacks must be one the story writes before it ("the state Department of Transportation").
    const unnamed = nouns.filter((token) => token.pos === 'NOUN' && !record.words.some((word) => stands(token, word)))
    if (!unnamed.every((token) => writtenBefore(context, record, fold(token.text)) || kindOfBody(context, record, token.lemma))) continue
    const score = record.words.filter((word) => nouns.some((token) => stands(token, word))).length
    const better = !best || score > best.score || (score === best.score && record.passages.length > best.record.passages.length)
    if (better) best = { record, score }
  }
  return best?.record ?? null
}

/** Whether a typed word stands for a word of a name: itself, or a story word near enough ("dept" for department). */
export function standsForNameWord(context: AnswerContext, token: Token, word: string): boolean {
  return token.lemma === word || fold(token.text) === word || (storyMatches(context.knowledge, token.lemma).get(word) ?? 0) >= NAME_WORD_CLOSENESS
}

/**
 * Whether the story describes the body as one of a kind in an appositive: "Brannock Sound
 * Ferries (BSF), a privately owned company", "The union, United Nurses of Greywater, …".
 */
export function kindOfBody(context: AnswerContext, record: EntityRecord, kind: string): boolean {
  const name = fold(record.name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const after = new RegExp(`${name}(?:\\s*\\([^)]{1,12}\\))?,\\s+(?:a|an)\\s+(?:[\\p{L}-]+\\s+){0,3}${kind}s?\\b`, 'u')
  const before = new RegExp(`\\bthe\\s+${kind},\\s+${name}\\b`, 'u')
  return tellsOf(context, record, (text) => after.test(text) || before.test(text))
}

/** Whether the story writes the word right before the name somewhere ("state" of "the state Department of …"). */
function writtenBefore(context: AnswerContext, record: EntityRecord, word: string): boolean {
  const written = `${word} ${fold(record.name)}`
  return tellsOf(context, record, (text) => text.includes(written))
}

/** Whether some passage naming the body, folded, passes the test. */
function tellsOf(context: AnswerContext, record: EntityRecord, test: (folded: string) => boolean): boolean {
  return record.passages.some((index) => test(fold(passageAt(context.knowledge, index).text)))
}

/** Whether the story gives anyone a role of this kind ("Tolliver Dairy CEO" is a head). */
export function someoneIs(context: AnswerContext, roleWord: string): boolean {
  const sense = roleSense(context, roleWord)
  return [...context.knowledge.entities.values()].some((record) => record.roles.some((entry) => roleMatches(entry.role, roleWord, sense)))
}

/** Whether the story itself calls the organisation by its first word alone ("Goldman" for Goldman Sachs). */
export function shortFormUsed(context: AnswerContext, record: EntityRecord): boolean {
  const [first, second] = record.name.split(/\s+/)
  if (!first || !second) return false
  return record.passages.some((index) => {
    const text = passageAt(context.knowledge, index).text
    for (let at = text.indexOf(first); at >= 0; at = text.indexOf(first, at + 1)) {
      const rest = text.slice(at + first.length)
      if (!/^\p{L}/u.test(rest) && !rest.trimStart().startsWith(second)) return true
    }
    return false
  })
}

/** The organisation an article is about: the one named in most of its passages. */
function subjectOf(context: AnswerContext, article: string): string | null {
  const { entities, passages, language } = context.knowledge
  // A name's short forms count with it: "Larkspur", "Larkspur Air Holdings" (though neither word says it is a company) —
  // by a rare first word only ("New York Times" and "New Calder" are not one).
  const key = (record: EntityRecord) => {
    const first = record.words[0] ?? ''
    return language.rarity(first) >= RARE_NAME_WORD ? first : record.name
  }
  const byKey = new Map<string, Set<number>>()
  const named: EntityRecord[] = []
  for (const record of entities.values()) {
    if (record.type === 'person') continue
    const inArticle = record.passages.filter((index) => passages[index]?.article === article)
    if (inArticle.length === 0) continue
    const told = byKey.get(key(record)) ?? new Set<number>()
    for (const index of inArticle) told.add(index)
    byKey.set(key(record), told)
    if (record.type !== 'place') named.push(record)
  }
  let best: { name: string; count: number } | null = null
  for (const record of named) {
    const count = byKey.get(key(record))?.size ?? 0
    if (count > (best?.count ?? 0)) best = { name: record.name, count }
  }
  return best?.name ?? null
}

/** "who's the captain": the one person the story gives that role, or no answer when it gives it to several or none. */
export function soleHolder(context: AnswerContext, asked: Asked, roleWord: string): Answer | null {
  const sense = roleSense(context, roleWord)
  const holders = [...context.knowledge.entities.values()].flatMap((record) => {
    const role = record.type === 'person' ? record.roles.find((entry) => roleMatches(entry.role, roleWord, sense)) : undefined
    return role ? [{ record, role }] : []
  })
  const [only] = holders
  return only && holders.length === 1 ? context.found(asked.base, [naming(context, only.role.passage, only.record.name)], only.record.name) : null
}

/** How close a question word must be to a word of a role's body to name it ("enviro" for environmental). */
const OWNER_CLOSENESS = 0.7

/**
 * Whether the body a role names before its role word ("Company spokesman", "DWR spokeswoman", its
 * initials spelt out as the story names it: Department of Water Resources) shares a word with the topic.
 */
function sharesOwner(context: AnswerContext, role: string, roleWord: string, sense: RoleSense, topic: string[]): boolean {
  const words = role.split(/\s+/)
  const at = words.findIndex((word) => roleMatches(word, roleWord, sense))
  if (at <= 0) return false
  const bodies = [...context.knowledge.entities.values()].filter((record) => record.type === 'organisation')
  const before = words.slice(0, at)
  const owner = before.flatMap((word) => {
    const spelt = /^\p{Lu}{2,}$/u.test(word) ? bodies.find((record) => initialsOf(record) === word.toLowerCase()) : undefined
    return spelt ? spelt.words : lemmasOf(word)
  })
  const names = (lemma: string) => owner.some((word) => word === lemma || (storyMatches(context.knowledge, lemma).get(word) ?? 0) >= OWNER_CLOSENESS)
  // The topic's last word is only the kind of body ("the fire department" is no Department of Environmental Quality):
  // a word before it must name the owner, unless the role names its body by that kind alone ("Company spokesman").
  const kind = topic.at(-1)
  const [only, ...more] = owner
  const byKindAlone = only !== undefined && more.length === 0 && !/\p{Lu}{2,}/u.test(before.join(' '))
  return topic.slice(0, -1).some(names) || (kind !== undefined && byKindAlone && names(kind))
}

/** Someone whose role, as the story gives it, is `roleWord` of `topic` ("Commerce secretary"). */
export function holderOfRole(context: AnswerContext, asked: Asked, roleWord: string, topic: string[]): Answer | null {
  const people = [...context.knowledge.entities.values()].filter((record) => record.type === 'person')
  const sense = roleSense(context, roleWord)
  const holding = (record: EntityRecord) => record.roles.filter((entry) => roleMatches(entry.role, roleWord, sense))
  const found = (passage: number, record: EntityRecord) => context.found(asked.base, [naming(context, passage, record.name)], record.name)
  // A role that names the topic itself ("Ardenne Village President") before one whose sentence only mentions it.
  // Then one whose role names, as whose it is, only words of the topic: "outside counsel for the authority" for the water authority's lawyer.
  const ownedByTopic = (entry: Role) => {
    const owner = /\b(?:for|of|at|with)\s+(?:the\s+)?([^,]+)$/i.exec(entry.role)?.[1] ?? /^(?:the\s+)?(.+?)['’]s?\s/.exec(entry.role)?.[1] ?? ''
    const words = lemmasOf(owner)
    return words.length > 0 && words.every((lemma) => topic.includes(lemma))
  }
  for (const covers of [(entry: Role) => topic.every((lemma) => fold(entry.role).includes(lemma)), ownedByTopic]) {
    for (const record of people) {
      const role = holding(record).find(covers)
      if (role) return found(role.passage, record)
    }
  }
  const sharing = people.filter((record) => holding(record).some((role) => sharesOwner(context, role.role, roleWord, sense, topic)))
  const [sole] = sharing
  if (sole && sharing.length === 1) return found(holding(sole).find((role) => sharesOwner(context, role.role, roleWord, sense, topic))?.passage ?? 0, sole)
  for (const record of people) {
    const [only] = topic
    const beside = only !== undefined && topic.length === 1 ? holderBeside(context, record, only, roleWord) : null
    if (beside) return found(beside.passage, record)
    for (const role of holding(record)) {
      if (namesAnotherBody(context, role.role, topic)) continue
      // Or around it ("JPMorgan Chase’s chief financial officer, Marianne Lake").
      const pinned = naming(context, role.passage, record.name)
      const around = fold(`${role.role} ${passageAt(context.knowledge, role.passage).sentences[pinned.sentence]?.text ?? ''}`)
      if (topic.every((lemma) => around.includes(lemma))) return context.found(asked.base, [pinned], record.name)
    }
  }
  return null
}

/**
 * "Corvane spokesman" for a Larkspur spokesman: the role names a body by a word no dictionary has,
 * and not the one asked about (typed whole or by its start: "citi" for "Citigroup's chief financial officer").
 */
export function namesAnotherBody(context: AnswerContext, role: string, topic: string[]): boolean {
  if (topic.length === 0) return false
  const names = role
    .split(/[^\p{L}\p{N}'’&-]+/u)
    .map((word) => word.replace(/['’]s$/u, ''))
    // "U.S. District Judge", "Ohio Auditor": a place the role is held in is no other body, nor is a lone initial.
    .filter((word) => /^\p{Lu}\p{L}/u.test(word) && !context.knowledge.language.isWord(fold(word)) && !PLACES.has(fold(word)))
  return names.length > 0 && !names.some((name) => topic.some((lemma) => fold(name).startsWith(lemma)))
}

/** A role word as people write it: abbreviations in capitals ("CEO"), others as they are. */
export function asWritten(roleWord: string): string {
  return roleWord.length <= 3 ? roleWord.toUpperCase() : roleWord
}

/** A passage chosen for a name, pointed at its sentence that gives the name (or the surname). */
export function naming(context: AnswerContext, index: number, name: string, score = 1): Candidate {
  const { sentences } = passageAt(context.knowledge, index)
  const surname = fold(name.split(' ').at(-1) ?? name)
  const full = sentences.findIndex((sentence) => fold(sentence.text).includes(fold(name)))
  return pinnedCandidate(index, Math.max(0, full >= 0 ? full : sentences.findIndex((sentence) => fold(sentence.text).includes(surname))), score)
}

/** "QQ Wallet owner" asks for a possessor, not a title. */
export const OWNERSHIP_ROLES = new Set(['owner', 'parent', 'investor'])

/** "JPMorgan Chase’s chief financial officer, Marianne Lake": the role given just before the name. */
function holderBeside(context: AnswerContext, person: EntityRecord, owner: string, roleWord: string): { passage: number } | null {
  // Words between the body and a name tell only of the role asked itself, not of any kind of it
  // ("Tencent … President-elect Joe Biden" leads no Tencent).
  const sense = withoutKinds(roleSense(context, roleWord))
  for (const index of person.passages) {
    const passage = passageAt(context.knowledge, index)
    const mention = passage.entities.find((entity) => entity.name === person.name)
    if (!mention) continue
    const before = passage.text.slice(Math.max(0, mention.offset - 80), mention.offset)
    const at = fold(before).lastIndexOf(owner)
    if (at >= 0 && roleMatches(before.slice(at), roleWord, sense)) return { passage: index }
    // "Her attorney, Simon Achterberg": the role of the person last named before it.
    const pronoun = /\b(?:her|his)\s+([\p{L}\s-]{2,40}?),?\s*$/iu.exec(before)
    if (!pronoun) continue
    const named = passage.entities.filter((entity) => entity.type === 'person' && entity.offset < mention.offset - before.length + pronoun.index)
    const previous = named.at(-1)?.name ?? null
    if (previous !== null && fold(previous).includes(owner) && roleMatches(pronoun[1] ?? '', roleWord, sense)) return { passage: index }
  }
  return null
}
