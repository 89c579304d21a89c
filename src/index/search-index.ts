import MiniSearch, { type AsPlainObject, type Options, type SearchResult } from 'minisearch'

/** What the index needs of a passage: its analysed terms (content lemmas, see language/). */
export interface IndexDocument {
  /** The passage's id (`<article>#<paragraph>`): stable while articles come and go. */
  id: string
  terms: string[]
}

export interface IndexOptions {
  /** Most hits returned to the ranker. */
  maxHits: number
}

export const DEFAULT_INDEX_OPTIONS: IndexOptions = { maxHits: 80 }

export interface Hit {
  id: string
  score: number
}

const identity = (term: string) => term

/** Documents arrive analysed: fields are term arrays, and queries are analysed terms joined by spaces. */
const MINISEARCH_OPTIONS: Options<IndexDocument> = {
  fields: ['terms'],
  extractField: (document, field) => (field === 'id' ? document.id : document.terms.join(' ')),
  tokenize: (value) => value.split(' '),
  processTerm: identity,
  searchOptions: { tokenize: (query) => query.split(' '), processTerm: identity },
}

/**
 * The passage index: MiniSearch over analysed passage text. Knows nothing of articles or
 * answers; returns positions and scores.
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

  /** Adds passages to the index in place (an article added to a story). */
  add(documents: IndexDocument[]): void {
    this.search.addAll(documents)
  }

  /** Takes passages out of the index in place (an article removed from a story); unknown ids are ignored. */
  discard(ids: string[]): void {
    for (const id of ids) if (this.search.has(id)) this.search.discard(id)
  }

  /** How many passages the index holds. */
  get size(): number {
    return this.search.documentCount
  }

  /** The index as plain data, for JSON. */
  snapshot(): AsPlainObject {
    return this.search.toJSON()
  }

  /**
   * Searches story terms (OR), each boosted by `boost` (how close it is to the question and how
   * much that word counts), best first, at most `maxHits`. Terms are matched exactly: the
   * caller has already expanded the question into the story's own words.
   */
  find(terms: string[], boost: (term: string) => number = () => 1): Hit[] {
    if (terms.length === 0) return []
    const results: SearchResult[] = this.search.search(terms.join(' '), { combineWith: 'OR', boostTerm: (term) => boost(term) })
    return results.slice(0, this.options.maxHits).map((result) => ({ id: String(result.id), score: result.score }))
  }
}
