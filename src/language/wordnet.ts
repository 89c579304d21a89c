import { existsSync, readFileSync } from 'node:fs'
import { LANGUAGE_FILES } from './files.js'
import type { PackedLeading, PackedPeople, PackedWordNet } from './pack.js'

/** How far `isKindOf` reads a kind beyond itself. */
export type Broaden = 'leaf' | 'any'

/** WordNet relations as packed by `pack.ts`: synonyms of the frequent senses, and derivations. */
export class WordNet {
  private constructor(
    private readonly synonyms: Record<string, string[]>,
    private readonly firstSense: Record<string, string[]>,
    private readonly firstSenseOfPos: Record<string, string[]>,
    private readonly derived: Record<string, string[]>,
    private readonly antonyms: Record<string, string[]>,
    private readonly names: Set<string>,
    private readonly lemmas: Set<string>,
    /** Multi-word lemmas and their parts of speech (see `PackedWordNet.phrases`). */
    readonly phrases: ReadonlyMap<string, string>,
    private readonly people: PackedPeople,
    private readonly leading: PackedLeading,
  ) {}

  private leaves: Set<number> | undefined
  private adjectives: Set<string> | undefined

  static load(file = LANGUAGE_FILES.wordnet): WordNet {
    if (!existsSync(file)) throw new Error(`language resources are missing (${file}): run "npm run prepare" to build them`)
    const packed = JSON.parse(readFileSync(file, 'utf8')) as PackedWordNet
    // The relations stay as parsed (short lists, read a pair at a time): a set per word would cost start-up time.
    return new WordNet(
      packed.synonyms,
      packed.firstSense,
      packed.firstSenseOfPos,
      packed.derived,
      packed.antonyms,
      new Set(packed.names),
      new Set(packed.lemmas),
      new Map(Object.entries(packed.phrases)),
      packed.people,
      packed.leading,
    )
  }

  /** "decide" ↔ "decision": one word is a derivationally related form of the other. */
  isDerived(a: string, b: string): boolean {
    return related(this.derived, a, b)
  }

  /** The two words share a frequent sense. */
  isSynonym(a: string, b: string): boolean {
    return related(this.synonyms, a, b)
  }

  /** The two words' commonest senses are one ("start", "begin"; not "state", mostly a noun, and "say"): synonyms however common they are. */
  sharesFirstSense(a: string, b: string): boolean {
    return related(this.firstSense, a, b)
  }

  /** The two words' first senses in one part of speech are one ("collar" and "arrest" as verbs, though "collar" is mostly a noun). */
  sharesFirstSenseOfPos(a: string, b: string): boolean {
    return related(this.firstSenseOfPos, a, b)
  }

  /** A phrase's one-word synonyms ("look into" → investigate, check): what it means, said otherwise. */
  wordsFor(phrase: string): string[] {
    return (Object.hasOwn(this.synonyms, phrase) ? (this.synonyms[phrase] ?? []) : []).filter((word) => !word.includes('_'))
  }

  /** "rise" ↔ "fall": opposites, however close their vectors are. */
  isAntonym(a: string, b: string): boolean {
    return related(this.antonyms, a, b)
  }

  /** A word WordNet only knows as a name ("taiwan", "taiwanese"): related to others by derivation only. */
  isName(word: string): boolean {
    return this.names.has(word)
  }

  /**
   * "A CEO is a kind of head", "a spokesman is a kind of spokesperson": some sense of `word` for a
   * person is, or is a kind of, some sense of `kind`. Broadened, a `kind` stands for what it is
   * itself a kind of: `'leaf'`, only a sense no kinds are told of ("mouthpiece" for a spokesperson);
   * `'any'`, every sense ("boss" for a leader, as a chief executive is).
   */
  isKindOf(word: string, kind: string, broaden?: Broaden): boolean {
    const { senses, kindOf } = this.people
    const wanted = Object.hasOwn(senses, kind) ? (senses[kind] ?? []) : []
    if (!Object.hasOwn(senses, word) || wanted.length === 0) return false
    if (broaden === 'leaf' && !this.leaves) {
      const parents = new Set(kindOf.flat())
      this.leaves = new Set(kindOf.map((_, sense) => sense).filter((sense) => !parents.has(sense)))
    }
    const leaves = this.leaves
    const widened = (sense: number) => broaden === 'any' || (broaden === 'leaf' && leaves?.has(sense))
    const targets = new Set(wanted.flatMap((sense) => (widened(sense) ? [sense, ...(kindOf[sense] ?? [])] : [sense])))
    const seen = new Set<number>()
    const queue = [...(senses[word] ?? [])]
    for (let sense = queue.pop(); sense !== undefined; sense = queue.pop()) {
      if (targets.has(sense)) return true
      if (seen.has(sense)) continue
      seen.add(sense)
      queue.push(...(kindOf[sense] ?? []))
    }
    return false
  }

  /** Some sense of the word names a kind of person, though it may more often be an adjective ("attendant", "official"). */
  hasPersonSense(word: string): boolean {
    return Object.hasOwn(this.people.senses, word) && !this.names.has(word)
  }

  /** "manager", "councilwoman", "epidemiologist": a word only for a kind of person (not a name, not also an adjective: "federal"). */
  isPersonNoun(word: string): boolean {
    this.adjectives ??= new Set(this.people.adjectives)
    return Object.hasOwn(this.people.senses, word) && !this.names.has(word) && !this.adjectives.has(word)
  }

  /** "lead" → leader, "manage" → manager, "head" → head: the words for a person who does it. */
  agentsOf(verb: string): string[] {
    const derived = Object.hasOwn(this.derived, verb) ? (this.derived[verb] ?? []) : []
    return [verb, ...derived].filter((word) => Object.hasOwn(this.people.senses, word))
  }

  /** Which of a run of lemmas tell of being in charge: a verb of it ("run", "head") or the words of its phrase ("in charge"). */
  inCharge(lemmas: string[]): number[] {
    const at = new Set(lemmas.flatMap((lemma, i) => (this.leading.verbs.includes(lemma) ? [i] : [])))
    for (const phrase of this.leading.phrases.map((each) => each.split(' '))) {
      lemmas.forEach((_, start) => {
        if (phrase.every((word, i) => lemmas[start + i] === word)) phrase.forEach((__, i) => at.add(start + i))
      })
    }
    return [...at].sort((a, b) => a - b)
  }

  /** Whether a word is the plural of a dictionary word and neither is a name ("therapeutics", "ferries"; not "gates", "williams"). */
  isCommonPlural(word: string): boolean {
    if (!/[^su]s$/.test(word) || this.names.has(word)) return false
    const singulars = [word.replace(/ies$/, 'y'), word.replace(/es$/, ''), word.slice(0, -1)]
    return singulars.some((singular) => singular !== word && this.lemmas.has(singular) && !this.names.has(singular))
  }

  /** Whether WordNet has an entry for the word (so its silence about a pair means something). */
  has(word: string): boolean {
    return this.lemmas.has(word)
  }
}

function related(table: Record<string, string[]>, a: string, b: string): boolean {
  return Object.hasOwn(table, a) && (table[a]?.includes(b) ?? false)
}
