import MiniSearch, { type AsPlainObject, type Options, type SearchResult } from 'minisearch'

/** What the index needs of a passage: its analysed terms (see analyze.ts). */
export interface IndexDocument {
  /** Position of the passage in the engine's passage list. */
  id: number
  terms: string[]
}

export interface IndexOptions {
  /** Relative edit distance allowed for terms of at least `fuzzyMinLength` characters. */
  fuzzy: number
  fuzzyMinLength: number
  /** Terms of at least this length also match longer words they begin ("cyber" → "cyberwarfare"). */
  prefixMinLength: number
  /** Most hits returned to the ranker. */
  maxHits: number
}

export const DEFAULT_INDEX_OPTIONS: IndexOptions = { fuzzy: 0.2, fuzzyMinLength: 5, prefixMinLength: 4, maxHits: 40 }

export interface Hit {
  id: number
  score: number
  /** Query terms that matched, each with the indexed terms it matched. */
  matched: Map<string, string[]>
}

const identity = (term: string) => term

/** Documents arrive analysed: fields are term arrays, and queries are analysed terms joined by spaces. */
const MINISEARCH_OPTIONS: Options<IndexDocument> = {
  fields: ['terms'],
  extractField: (document, field) => (field === 'id' ? document.id : document.terms.join(' ')) as string,
  tokenize: (value) => value.split(' '),
  processTerm: identity,
  searchOptions: { tokenize: (query) => query.split(' '), processTerm: identity },
}

/** Whether an indexed term could have been reached from a query term by the index's expansion. */
function reaches(queryTerm: string, docTerm: string, options: IndexOptions): boolean {
  if (docTerm === queryTerm) return true
  if (queryTerm.length >= options.prefixMinLength && docTerm.startsWith(queryTerm)) return true
  if (queryTerm.length < options.fuzzyMinLength) return false
  return editDistanceWithin(queryTerm, docTerm, Math.round(queryTerm.length * options.fuzzy))
}

/** True when two words are at most `max` edits apart. */
export function editDistanceWithin(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.length]! <= max
}

/**
 * The passage index: MiniSearch over analysed passage text, with bounded fuzzy and
 * prefix expansion. Knows nothing of articles or answers; returns positions and scores.
 */
export class PassageIndex {
  private constructor(
    private readonly search: MiniSearch<IndexDocument>,
    readonly options: IndexOptions,
  ) {}

  /** Builds an index over documents. */
  static build(documents: IndexDocument[], options: Partial<IndexOptions> = {}): PassageIndex {
    const search = new MiniSearch<IndexDocument>(MINISEARCH_OPTIONS)
    search.addAll(documents)
    return new PassageIndex(search, { ...DEFAULT_INDEX_OPTIONS, ...options })
  }

  /** Restores an index saved with `snapshot` (faster than rebuilding). */
  static restore(snapshot: AsPlainObject, options: Partial<IndexOptions> = {}): PassageIndex {
    const search = MiniSearch.loadJS<IndexDocument>(snapshot, MINISEARCH_OPTIONS)
    return new PassageIndex(search, { ...DEFAULT_INDEX_OPTIONS, ...options })
  }

  /** The index as plain data, for JSON. */
  snapshot(): AsPlainObject {
    return this.search.toJSON()
  }

  /**
   * Searches analysed query terms (OR), best first, at most `maxHits`. Only terms the index does
   * not hold as typed (`known` says false) are expanded by fuzzy and prefix matching: a
   * misspelling or a partial word costs an expansion, a correct word does not.
   */
  find(queryTerms: string[], known: (term: string) => boolean = () => false): Hit[] {
    if (queryTerms.length === 0) return []
    const options = this.options
    const results: SearchResult[] = this.search.search(queryTerms.join(' '), {
      fuzzy: (term) => (term.length >= options.fuzzyMinLength && !known(term) ? options.fuzzy : false),
      prefix: (term) => term.length >= options.prefixMinLength && !known(term),
      weights: { fuzzy: 0.4, prefix: 0.6 },
      combineWith: 'OR',
    })
    return results.slice(0, options.maxHits).map((result) => {
      const matched = new Map<string, string[]>()
      for (const queryTerm of result.queryTerms) {
        matched.set(queryTerm, result.terms.filter((docTerm) => reaches(queryTerm, docTerm, options)))
      }
      return { id: result.id as number, score: result.score, matched }
    })
  }
}
