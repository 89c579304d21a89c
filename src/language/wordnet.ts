import { existsSync, readFileSync } from 'node:fs'
import { LANGUAGE_FILES } from './files.js'
import type { PackedWordNet } from './pack.js'

/** WordNet relations as packed by `pack.ts`: synonyms of the frequent senses, and derivations. */
export class WordNet {
  private constructor(
    private readonly synonyms: Map<string, Set<string>>,
    private readonly derived: Map<string, Set<string>>,
    private readonly antonyms: Map<string, Set<string>>,
    private readonly names: Set<string>,
    private readonly lemmas: Set<string>,
  ) {}

  static load(file = LANGUAGE_FILES.wordnet): WordNet {
    if (!existsSync(file)) throw new Error(`language resources are missing (${file}): run "npm run prepare" to build them`)
    const packed = JSON.parse(readFileSync(file, 'utf8')) as PackedWordNet
    const table = (entries: Record<string, string[]>) => new Map(Object.entries(entries).map(([word, related]) => [word, new Set(related)]))
    return new WordNet(table(packed.synonyms), table(packed.derived), table(packed.antonyms), new Set(packed.names), new Set(packed.lemmas))
  }

  /** "decide" ↔ "decision": one word is a derivationally related form of the other. */
  isDerived(a: string, b: string): boolean {
    return this.derived.get(a)?.has(b) ?? false
  }

  /** The two words share a frequent sense. */
  isSynonym(a: string, b: string): boolean {
    return this.synonyms.get(a)?.has(b) ?? false
  }

  /** "rise" ↔ "fall": opposites, however close their vectors are. */
  isAntonym(a: string, b: string): boolean {
    return this.antonyms.get(a)?.has(b) ?? false
  }

  /** A word WordNet only knows as a name ("taiwan", "taiwanese"): related to others by derivation only. */
  isName(word: string): boolean {
    return this.names.has(word)
  }

  /** Whether WordNet has an entry for the word (so its silence about a pair means something). */
  has(word: string): boolean {
    return this.lemmas.has(word)
  }
}
