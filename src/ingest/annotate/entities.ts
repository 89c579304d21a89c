import type { EntityMention, EntityType } from '../types.js'
import { CARDINAL_WORD } from '../../language/numbers.js'
import { ABBREVIATED_TITLES } from '../../language/titles.js'
import { DEMONYMS, KNOWN_ORGS, ORG_ROLES, ORG_SUFFIXES, PERSON_ROLES, PLACES, TITLES } from './lexicon.js'

interface Word {
  /** The word without surrounding punctuation (a possessive 's removed). */
  core: string
  offset: number
  /** Punctuation after the word (",", ".", "”") that ends a name. */
  breaksAfter: boolean
  possessive: boolean
}

const KEEP_DOT = new RegExp(
  `^(?:[A-Z]\\.)+$|^(?:[A-Z]\\.)+[A-Z]?$|^(?:Inc|Co|Ltd|Corp|Jr|Sr|St|Mr|Mrs|Ms|${ABBREVIATED_TITLES.map((title) => `${title.charAt(0).toUpperCase()}${title.slice(1)}`).join('|')})\\.$`,
)

function tokenize(text: string): Word[] {
  const words: Word[] = []
  for (const match of text.matchAll(/\S+/g)) {
    let raw = match[0]
    let offset = match.index
    const lead = /^[“"‘'([]+/.exec(raw)?.[0].length ?? 0
    // "Centers for Disease Control and Prevention (CDC)": a bracket opens something else, not more of the name.
    const previous = words.at(-1)
    if (previous && /[([]/.test(raw.slice(0, lead))) previous.breaksAfter = true
    raw = raw.slice(lead)
    offset += lead
    const owner = /^(.+?)(['’]s|s['’])[,;:!?”")\].]*$/u.exec(raw)
    const possessive = Boolean(owner && /^\p{Lu}/u.test(raw))
    const [, ownerName = '', ownerSuffix = ''] = owner ?? []
    const withDot = possessive ? (ownerSuffix.startsWith('s') ? `${ownerName}s` : ownerName) : raw.replace(/[,;:!?”"’')\]]+\.?$/, '')
    const core = possessive || KEEP_DOT.test(withDot) ? withDot : withDot.replace(/\.+$/, '')
    const tail = raw.slice(core.length)
    words.push({
      core,
      offset,
      breaksAfter: possessive || /^[^\w]*[,;:!?”")\]]|^\.$|^\.[^\w]/.test(tail) || (raw.endsWith('.') && !KEEP_DOT.test(withDot)),
      possessive,
    })
  }
  return words
}

const CONNECTORS = new Set(['of', 'for', 'de', 'du', 'von', 'van', 'al', 'bin', 'la', 'le'])

/** A day or month ("the committee on Monday") is when, not what a body is on. */
const DATE_WORD = /^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$|^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?$/
const STOP_BEFORE = new Set([
  'since',
  'yet',
  'however',
  'although',
  'though',
  'news',
  'such',
  'both',
  'each',
  'every',
  'many',
  'most',
  'more',
  'if',
  'when',
  'while',
  'because',
  'so',
  'but',
  'not',
  'no',
  'all',
  'some',
  'any',
  'could',
  'should',
  'may',
  'might',
  'must',
  'can',
  'be',
  'been',
  'being',
  'do',
  'does',
  'did',
  'which',
  'who',
  'this',
  'these',
  'those',
  'there',
  'then',
  'also',
  'up',
  'out',
  'via',
  'amid',
  'under',
  'through',
  'during',
  'without',
  'within',
  'toward',
  'towards',
  'the',
  'a',
  'an',
  'of',
  'on',
  'to',
  'with',
  'by',
  'for',
  'as',
  'and',
  'or',
  'in',
  'at',
  'from',
  'that',
  'than',
  'said',
  'says',
  'told',
  'is',
  'was',
  'are',
  'were',
  'has',
  'have',
  'had',
  'will',
  'would',
  'its',
  'his',
  'her',
  'their',
  'our',
  'including',
  'like',
  'such',
  'between',
  'about',
  'over',
  'into',
  'against',
  'after',
  'before',
  // Numbers count what follows: "Two CNA patrol boats" (and see CARDINAL_WORD).
  'several',
  'few',
  'dozens',
  'hundreds',
  'thousands',
])
const APPOSITIVE_START = /^(?:(?:the|a|an|its|his|her|their)\b|[a-z-]+ed (?:by|in|on|at|with)\b)/
const RELATIVE_START = /^(?:who|which)\b/
const FINITE_VERB = /\b(is|are|was|were|has|have|had|will|would|could|can|may|might|should|did|does|do|said|says)\b/
const CALENDAR =
  /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\.?$/i
/** Acronyms that are ordinary nouns, not organisations. */
const COMMON_ACRONYMS = new Set(['IPO', 'IPOs', 'CEO', 'CFO', 'GDP', 'AI', 'ETF', 'EV', 'VPN', 'PDF', 'TV', 'OK'])

/** The word at `index`, which the caller keeps within the sentence. */
function wordAt(words: readonly Word[], index: number): Word {
  const word = words[index]
  if (!word) throw new Error(`entities: no word at ${index} of ${words.length}`)
  return word
}

function isCapital(word: string): boolean {
  return /^[\p{Lu}]/u.test(word) && !CALENDAR.test(word) && !COMMON_ACRONYMS.has(word) && !/[$£€]|\d/.test(word)
}

/** Whether a role head noun names an organisation, a person, or neither. */
/** A role up to its relative clause ("the chief medical officer who oversaw …" → "the chief medical officer "): what the name is, not what it does. */
export function roleHead(role: string): string {
  return role.split(/\b(?:who|whom|which|that)\b/i)[0] ?? ''
}

function roleKind(role: string): EntityType | null {
  // "who left the company": only a person is a "who"; and a relative clause tells of something else, not of the name's kind.
  const head = roleHead(role).toLowerCase()
  if (head.trim() === '' && head !== role) return /^\s*who/i.test(role) ? 'person' : null
  const heads = head.split(/[\s,]+/).filter(Boolean)
  const last = heads.at(-1) ?? ''
  if (ORG_ROLES.has(last) && !PERSON_ROLES.has(last)) return 'organisation'
  if (PERSON_ROLES.has(last) || TITLES.has(last)) return 'person'
  if (heads.some((word) => PERSON_ROLES.has(word) && !ORG_ROLES.has(word))) return 'person'
  if (heads.some((word) => ORG_ROLES.has(word))) return 'organisation'
  return null
}

/** Types a name from its own words: a place, an organisation, or unknown. */
export function typeOfName(name: string): EntityType | null {
  const lower = name.toLowerCase().replace(/^the\s+/, '')
  if (PLACES.has(lower)) return 'place'
  const words = lower.split(/\s+/)
  const last = words.at(-1) ?? ''
  // "Bank of America", "Committee on Research Conduct": the body's word comes before what it is of or on.
  const head = words.find((word, i) => ORG_SUFFIXES.has(word) && /^(?:of|on|for)$/.test(words[i + 1] ?? ''))
  // "Coldwater Gas & Electric", "CG&E", "Keefe, Bruyette & Woods": no one's own name has an ampersand in it.
  if (KNOWN_ORGS.has(lower) || ORG_SUFFIXES.has(last) || head || /^[A-Z]{2,5}$/.test(name) || name.includes('&')) return 'organisation'
  return null
}

export interface EntityOptions {
  /** Capitalised words seen inside sentences: a capitalised sentence opener is a name only if it is one of them. */
  properNouns: ReadonlySet<string>
  /**
   * Words for a kind of person ("Manager", "Councilwoman", "Epidemiologist"): before a first name
   * and a surname, a title, as the title list's words are.
   */
  isPersonNoun?: (word: string) => boolean
  /** Plurals of dictionary words that are no one's name ("Therapeutics", "Ferries"): a name ending in one is no person's. */
  isCommonPlural?: (word: string) => boolean
}

/**
 * Finds the people, organisations and places a sentence names, each with the role the text gives it:
 * a title ("President Donald Trump"), a descriptive pre-modifier ("Commerce secretary Wilbur Ross")
 * or an appositive ("Tzeng Yi-suo, head of …,"). Offsets are relative to `text`.
 */
export function annotateEntities(text: string, options: EntityOptions): EntityMention[] {
  const words = tokenize(text)
  const mentions: EntityMention[] = []
  let i = 0
  while (i < words.length) {
    const opening = wordAt(words, 0)
    const first = opening.core
    const opener =
      i === 0 &&
      (STOP_BEFORE.has(first.toLowerCase()) ||
        CARDINAL_WORD.test(first) ||
        (!options.properNouns.has(first) && !(words[1] && isCapital(words[1].core) && !opening.breaksAfter)))
    if (!isCapital(wordAt(words, i).core) || opener) {
      i++
      continue
    }
    let j = i
    let connected = false
    for (;;) {
      if (wordAt(words, j).breaksAfter) {
        // "Keefe, Bruyette & Woods": capitalised words joined by commas and a closing "&" are one firm's name.
        const firm = firmNameEnd(text, words, j)
        if (firm === j) break
        j = firm
      }
      if (j + 1 >= words.length) break
      const next = wordAt(words, j + 1)
      const after = words[j + 2]
      const lowerNext = next.core.toLowerCase()
      if (isCapital(next.core)) j++
      else if (
        after &&
        isCapital(after.core) &&
        (CONNECTORS.has(lowerNext) ||
          next.core === '&' ||
          // "Committee on Research Conduct", "Council on Foreign Relations": a body named by what it is on.
          (lowerNext === 'on' && ORG_SUFFIXES.has(wordAt(words, j).core.toLowerCase()) && !DATE_WORD.test(after.core)) ||
          (lowerNext === 'and' && (connected || (!ORG_SUFFIXES.has(wordAt(words, j).core.toLowerCase()) && endsInOrganisation(words, j + 2)))))
      ) {
        connected ||= CONNECTORS.has(lowerNext)
        j += 2
      } else break
    }
    mentions.push(...nameMention(text, words, i, j, options.isPersonNoun ?? (() => false), options.isCommonPlural ?? (() => false)))
    i = j + 1
  }
  return mentions
}

/**
 * Whether the capitalised words from `k` end in a word that names an organisation ("Securities
 * *and Exchange Commission*"); the caller joins them only to words that do not already end one
 * ("Treasury Department and State Department" are two).
 */
function endsInOrganisation(words: Word[], k: number): boolean {
  let last = k
  while (!wordAt(words, last).breaksAfter && words[last + 1] && isCapital(wordAt(words, last + 1).core)) last++
  return ORG_SUFFIXES.has(wordAt(words, last).core.toLowerCase())
}

/** Capitalised words joined by commas up to a closing "& Name": the rest of a firm's name (", Bruyette & Woods"). */
const FIRM_REST = /^,\s+(?:\p{Lu}[\p{L}'’-]*,\s+)*\p{Lu}[\p{L}'’-]*,?\s+&\s+\p{Lu}[\p{L}'’-]*/u

/** The last word of a firm's name that goes on after a comma at word `j` ("Keefe, Bruyette & Woods"), or `j` when none does. */
function firmNameEnd(text: string, words: Word[], j: number): number {
  const word = wordAt(words, j)
  const end = word.offset + word.core.length
  const rest = FIRM_REST.exec(text.slice(end))
  if (!rest) return j
  const last = words.findIndex((each) => each.offset + each.core.length === end + rest[0].length)
  return last > j ? last : j
}

function nameMention(
  text: string,
  words: Word[],
  first: number,
  last: number,
  isPersonNoun: (word: string) => boolean,
  isCommonPlural: (word: string) => boolean,
): EntityMention[] {
  if (first === last && /-\p{Ll}+$/u.test(wordAt(words, first).core)) return []
  let start = first
  while (start <= last && DEMONYMS[wordAt(words, start).core.toLowerCase()] !== undefined && start < last) start++
  if (start === last && DEMONYMS[wordAt(words, start).core.toLowerCase()] !== undefined) return []
  const lastWord = wordAt(words, last)
  if (start !== first && !ORG_SUFFIXES.has(lastWord.core.toLowerCase())) first = start

  let role: string | null = null
  let type: EntityType | null = null
  let nameStart = first
  // "Student Government Association" is a body's name, not a student called Government Association.
  const titleEnd = ORG_SUFFIXES.has(lastWord.core.toLowerCase()) ? 0 : titleLength(words, first, last, isPersonNoun)
  if (titleEnd > 0) {
    nameStart = first + titleEnd
    const titleLast = wordAt(words, nameStart - 1)
    const title = text.slice(wordAt(words, first).offset, titleLast.offset + titleLast.core.length)
    // "Mr." says how to address someone, not what they do.
    role = HONORIFIC.test(title) ? null : title
    type = 'person'
  }
  // "Chief Medical Officer Dr. Howard Tresslin": a form of address after the title is no part of the name either.
  if (titleEnd > 0 && nameStart < last && HONORIFIC.test(wordAt(words, nameStart).core)) nameStart++
  const nameEnd = lastWord.offset + lastWord.core.length
  const nameOffset = wordAt(words, nameStart).offset
  const name = text.slice(nameOffset, nameEnd)
  if (!/\p{L}{2}/u.test(name)) return []

  const before = roleBefore(text, words, first, isPersonNoun)
  const after = roleAfter(text, words, last, isPersonNoun)
  // "State Rep. Carl Dunaway, a Republican whose district …": the title written before the name says what the person is.
  role = role ?? (after && !RELATIVE_START.test(after) ? after : null) ?? before ?? after
  type = typeOfName(name) ?? (role ? roleKind(role) : null) ?? type
  const following = words[last + 1]
  // "Gerald Foss said": a speaker named in full is a person; a single word that speaks ("FreshWay said") is as often a company,
  // and so is a name ending in a plural no one is called ("Corvanta Therapeutics said").
  const commonEnding = isCommonPlural(lastWord.core.toLowerCase())
  if (!type && name.includes(' ') && following && /^(said|says|told|added|argued|wrote)$/.test(following.core)) type = commonEnding ? 'organisation' : 'person'
  // "Jolene Marsh, 52, who was riding …": an age set off after a name is a person's.
  if (!type && /^,\s*\d{1,3},/.test(text.slice(nameEnd))) type = 'person'
  return [{ name, type: type ?? 'other', role, offset: nameOffset }]
}

const HONORIFIC = /^(?:mr|mrs|ms|miss|dr|sir|dame|lord|lady)\.?$/i
const TITLE_OPENERS = new Set(['chief', 'vice', 'deputy'])
const TITLE_HEADS = new Set(['officer', 'executive', 'president', 'director', 'economist', 'strategist', 'editor', 'counsel'])

function titleLength(words: Word[], first: number, last: number, isPersonNoun: (word: string) => boolean): number {
  let k = first
  if (PLACES.has(wordAt(words, k).core.toLowerCase()) && k < last && TITLES.has(wordAt(words, k + 1).core.toLowerCase())) k++
  // A word for a kind of person opens a title only before a first name and a surname ("Councilwoman Maria Ortega", not "Baker Mayfield").
  const title = (at: number) => TITLES.has(wordAt(words, at).core.toLowerCase()) || (at + 2 <= last && isPersonNoun(wordAt(words, at).core.toLowerCase()))
  while (k < last && title(k)) k++
  // "Chief Financial Officer John Gerspach", "Chief Executive Officer Lloyd Blankfein": a title that
  // opens with "chief" (or "vice", "deputy") runs on to its head noun.
  if (k > first && TITLE_OPENERS.has(wordAt(words, k - 1).core.toLowerCase())) {
    for (let extra = 2; extra >= 1; extra--) {
      if (k + extra >= last) continue
      if (TITLE_HEADS.has(wordAt(words, k + extra - 1).core.toLowerCase())) {
        k += extra
        break
      }
    }
  }
  if (k === first) return titleInside(words, first, last, isPersonNoun)
  if (k + 1 < last && wordAt(words, k).core === 'of' && isCapital(wordAt(words, k + 1).core)) k += 2
  return k <= last ? k - first : 0
}

/**
 * "Ardenne Village President Curt Hollis", "Halberton Mayor Denise Okafor": a title after the
 * place or body it is of, then a first name and a surname. The words up to the title are the title.
 */
function titleInside(words: Word[], first: number, last: number, isPersonNoun: (word: string) => boolean): number {
  for (let m = last - 2; m > first; m--) {
    const word = wordAt(words, m).core.toLowerCase()
    if ((TITLES.has(word) || ((PERSON_ROLES.has(word) || isPersonNoun(word)) && !word.endsWith('.'))) && !TITLE_OPENERS.has(word)) return m - first + 1
  }
  return 0
}

function roleBefore(text: string, words: Word[], first: number, isPersonNoun: (word: string) => boolean = () => false): string | null {
  const head = words[first - 1]
  if (!head || head.possessive) return null
  const headWord = head.core.toLowerCase()
  // "JPMorgan Chase’s chief financial officer, Marianne Lake": a role noun, then a comma, then the name.
  const appositive = head.breaksAfter && text.slice(head.offset + head.core.length).startsWith(',') && (PERSON_ROLES.has(headWord) || TITLE_HEADS.has(headWord))
  if (head.breaksAfter && !appositive) return null
  // "Board member Victor Ambrose", "nurse Kayla Brandt": any word for a kind of person, lowercase before the name, is a role.
  const kindOfPerson = /^\p{Ll}/u.test(head.core) && isPersonNoun(headWord)
  if (!PERSON_ROLES.has(headWord) && !TITLE_HEADS.has(headWord) && !ORG_ROLES.has(headWord) && !/(maker|founder)$/.test(headWord) && !kindOfPerson) return null
  let k = first - 1
  while (k - 1 >= 0 && first - k < 4) {
    const previous = wordAt(words, k - 1)
    if (previous.breaksAfter || previous.possessive || STOP_BEFORE.has(previous.core.toLowerCase())) break
    k--
  }
  // A firm's name before the role is taken whole ("Keefe Bruyette & Woods analyst").
  while (k - 1 >= 0 && isCapital(wordAt(words, k).core) && partOfName(wordAt(words, k - 1))) k--
  return text.slice(wordAt(words, k).offset, head.offset + head.core.length)
}

/** A word that can stand inside a name: capitalised or "&", and no punctuation after it. */
function partOfName(word: Word): boolean {
  return !word.breaksAfter && !word.possessive && !STOP_BEFORE.has(word.core.toLowerCase()) && (isCapital(word.core) || word.core === '&')
}

/**
 * An appositive phrase after a name, up to the comma or full stop that closes it (and the initials
 * it gives in brackets: "spokeswoman for the Board of Elections (BOE)."); a firm's name with commas in it is read whole.
 */
const APPOSITIVE = /^\s*((?:[^,;.:()“”"]|,(?=\s+(?:\p{Lu}[\p{L}'’-]*,\s+)*\p{Lu}[\p{L}'’-]*,?\s+&\s))+)(?:\s*\(\p{Lu}[\p{Lu}\p{N}&.-]*\))?(?:\.?,|\.\s|\.$|$)/u

function roleAfter(text: string, words: Word[], last: number, isPersonNoun: (word: string) => boolean): string | null {
  const end = wordAt(words, last)
  if (text.slice(end.offset + end.core.length, end.offset + end.core.length + 1) !== ',') return null
  const rest = text.slice(end.offset + end.core.length + 1)
  const phrase = APPOSITIVE.exec(rest)?.[1]?.trim()
  if (!phrase || phrase.split(/\s+/).length > 25) return null
  if (RELATIVE_START.test(phrase)) return phrase
  // "Warren Haldane, Brackenridge's chief executive,": a body's role, the body named first.
  const role = phrase.slice(POSSESSIVE_START.exec(phrase)?.[0].length ?? 0)
  const firstWords = role.toLowerCase().split(/\s+/).slice(0, 3)
  // "Martin Oberholt, outside counsel for the authority,": a word for a kind of person among its first words, however rare.
  const describes = APPOSITIVE_START.test(role) || firstWords.some((word) => PERSON_ROLES.has(word) || ORG_ROLES.has(word) || isPersonNoun(word))
  return describes && /^[a-z]/.test(role) && !FINITE_VERB.test(phrase) ? phrase : null
}

/** A body's name in the possessive opening a phrase ("Brackenridge's ", "Tri-County Regional Rail's "). */
const POSSESSIVE_START = /^(?:\p{Lu}[\p{L}\p{N}&.-]*\s+){0,4}\p{Lu}[\p{L}\p{N}&.-]*['’]s\s+/u
