/**
 * The language resources behind one small interface: wink-nlp for tokens, lemmas, parts of
 * speech and values; GloVe vectors and WordNet for how close two words are in meaning;
 * compromise for what kind of thing a name is. The
 * answer engine asks only this; a better resource can replace one here without touching it.
 */
import { analyse, type Analysis, stem, type Token } from './nlp.js'
import { type Phrase, phrasesIn } from './phrases.js'
import { WordVectors } from './vectors.js'
import { type Broaden, WordNet } from './wordnet.js'

export { analyse, fold, isContent, isFigure, type Analysis, type NamedValue, type Token } from './nlp.js'
export type { Phrase } from './phrases.js'
export type { Broaden } from './wordnet.js'
export { kindOfName, type NameKind } from './names.js'
export { ABBREVIATED_TITLES, titleWord } from './titles.js'

export interface Language {
  analyse(text: string): Analysis
  /**
   * How close two lemmas are in meaning, 0–1: 1 for the same word, high for a derivation
   * ("decide"/"decision") or a shared frequent sense, the vectors' cosine for near words, and
   * 0 for opposites ("rise"/"fall") and unrelated words.
   */
  relatedness(a: string, b: string): number
  /** How much a word says in general English, 0 (the commonest words) to 1 (rare or unknown words); a phrase, as its rarest word. */
  rarity(word: string): number
  /** Whether the word is an English word WordNet knows (so a near spelling is not a typo of it). */
  isWord(word: string): boolean
  /** The dictionary's multi-word lemmas in a run of tokens ("on board" → on_board; "start back up" → restart), which relate to words as words do. */
  phrases(tokens: Token[]): Phrase[]
  /**
   * Whether a word for a person names a kind of the other ("ceo" of "head", "spokeswoman" of
   * "spokesperson"); `broaden`ed, a kind stands for what it is a kind of ("mouthpiece" for
   * spokesperson). See `WordNet.isKindOf`.
   */
  isKindOf(word: string, kind: string, broaden?: Broaden): boolean
  /** Whether a word names a kind of person ("manager", "councilwoman"), as a title before a name does. */
  isPersonNoun(word: string): boolean
  /** Whether some sense of a word names a kind of person, even one more often an adjective ("flight attendant", "official"). */
  hasPersonSense(word: string): boolean
  /** The words for a person who does what a verb says ("lead" → leader, "head" → head). */
  agentsOf(verb: string): string[]
  /** Which of a run of lemmas tell of being in charge of something: a verb of it ("runs", "heads") or the words of its phrase ("in charge"). */
  inCharge(lemmas: string[]): number[]
  /** Whether a word is the plural of a dictionary word that is no one's name ("therapeutics", "ferries"; not "gates", "williams"). */
  isCommonPlural(word: string): boolean
}

export interface RelatednessOptions {
  /** Score of a derivationally related form. */
  derived: number
  /** Score of a WordNet synonym whose vectors are not far apart. */
  synonym: number
  /** Score of two words of one stem ("hospital", "hospitalize") whose vectors, where known, are not far apart… */
  sameStem: number
  /** …at least this close. */
  minCosineSameStem: number
  /** Below this cosine two words are unrelated… */
  minCosine: number
  /** …or below this one when WordNet knows both words and relates them in none of their frequent senses. */
  minCosineDescribed: number
  /** Vectors alone never score above this: they also draw together words of one topic. */
  maxCosine: number
  /**
   * Vectors alone relate only words at least this rare in English: the commonest words ("fall",
   * "back", "take") have many senses, and their vectors sit near everything.
   */
  minRarityForVectors: number
  /** Likewise for WordNet synonyms: "get" shares a sense with "start", "come" and "make". */
  minRarityForSynonyms: number
}

export const DEFAULT_RELATEDNESS: RelatednessOptions = {
  derived: 0.9,
  synonym: 0.8,
  sameStem: 0.85,
  minCosineSameStem: 0.4,
  minCosine: 0.62,
  minCosineDescribed: 0.68,
  maxCosine: 0.8,
  minRarityForVectors: 0.55,
  minRarityForSynonyms: 0.55,
}

const MAX_CACHED = 500_000

/** Relatedness from WordNet and the vectors, cached. Pure given the resources. */
export function relatednessOf(vectors: WordVectors, wordnet: WordNet, options: RelatednessOptions = DEFAULT_RELATEDNESS): (a: string, b: string) => number {
  const cache = new Map<string, number>()
  const compute = (a: string, b: string): number => {
    if (a === b) return 1
    if (wordnet.isAntonym(a, b)) return 0
    if (wordnet.isDerived(a, b)) return options.derived
    if (wordnet.isName(a) || wordnet.isName(b)) return 0
    // "look into" means investigate, so it is close to what investigate is to: "the investigation".
    const [phrase, other] = a.includes('_') ? [a, b] : [b, a]
    if (phrase.includes('_') && wordnet.wordsFor(phrase).some((word) => wordnet.isDerived(word, other))) return options.synonym * options.derived
    if (sameRoleOtherGender(a, b)) return options.synonym
    const cosine = vectors.cosine(a, b)
    const rare = Math.min(vectors.rarity(a), vectors.rarity(b))
    // Vectors far apart say the shared sense is a rare one, unless it is the first sense of both in one part of speech ("collar" the verb is to arrest).
    const synonym =
      wordnet.isSynonym(a, b) && (cosine === null || cosine >= 0.25 || (rare >= options.minRarityForSynonyms && wordnet.sharesFirstSenseOfPos(a, b)))
    // "get" shares a rarer sense with "start"; "begin" shares its commonest one.
    if (synonym && (rare >= options.minRarityForSynonyms || wordnet.sharesFirstSense(a, b))) return options.synonym
    if (stem(a) === stem(b) && (cosine === null || cosine >= options.minCosineSameStem)) return options.sameStem
    const described = wordnet.has(a) && wordnet.has(b)
    if (cosine === null || cosine < (described ? options.minCosineDescribed : options.minCosine)) return 0
    if (rare < options.minRarityForVectors) return 0
    return Math.min(cosine, options.maxCosine)
  }
  return (a, b) => {
    const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`
    let value = cache.get(key)
    if (value === undefined) {
      value = compute(a, b)
      if (cache.size >= MAX_CACHED) cache.clear()
      cache.set(key, value)
    }
    return value
  }
}

/** English compounds that name a role by who holds it: "spokesman", "spokeswoman", "spokesperson", "chairmen". */
const HOLDER_SUFFIX = /(?:man|men|woman|women|person|persons|people)$/

/** One role, told of a man, a woman or anyone ("spokesman", "spokeswoman"): WordNet makes them siblings, not synonyms. */
function sameRoleOtherGender(a: string, b: string): boolean {
  const base = (word: string) => word.replace(HOLDER_SUFFIX, '')
  return HOLDER_SUFFIX.test(a) && HOLDER_SUFFIX.test(b) && base(a).length >= 3 && base(a) === base(b)
}

let loaded: Language | null = null

/** The language resources, loaded once per process. */
export function loadLanguage(): Language {
  if (!loaded) {
    const vectors = WordVectors.load()
    const wordnet = WordNet.load()
    loaded = {
      analyse,
      relatedness: relatednessOf(vectors, wordnet),
      rarity: (word) => (/[_-]/.test(word) && !vectors.has(word) ? Math.max(...word.split(/[_-]/).map((part) => vectors.rarity(part))) : vectors.rarity(word)),
      isWord: (word) => wordnet.has(word),
      phrases: (tokens) => phrasesIn(tokens, wordnet.phrases, (word) => wordnet.has(word)),
      isKindOf: (word, kind, broaden) => wordnet.isKindOf(word, kind, broaden),
      isPersonNoun: (word) => wordnet.isPersonNoun(word),
      hasPersonSense: (word) => wordnet.hasPersonSense(word),
      agentsOf: (verb) => wordnet.agentsOf(verb),
      isCommonPlural: (word) => wordnet.isCommonPlural(word),
      inCharge: (lemmas) => wordnet.inCharge(lemmas),
    }
  }
  return loaded
}
