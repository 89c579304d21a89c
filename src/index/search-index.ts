import MiniSearch, { type Options, type SearchResult } from 'minisearch'

/** What the index needs of a passage: its analysed terms (see analyze.ts). */
export interface IndexDocument {
  /** Position of the passage in the engine's passage list. */
  id: number
  terms: string[]
  /** Terms of entity names and quote speakers: a second field so names weigh more. */
  names: string[]
}

export interface IndexOptions {
  /** Relative edit distance allowed for terms of at least `fuzzyMinLength` characters. */
  fuzzy: number
  fuzzyMinLength: number
  /** Terms of at least this length also match longer words they begin ("cyber" → "cyberwarfare"). */
  prefixMinLength: number
  /** Weight of the names field against the text. */
  namesBoost: number
  /** Most hits returned to the ranker. */
  maxHits: number
}

export const DEFAULT_INDEX_OPTIONS: IndexOptions = { fuzzy: 0.2, fuzzyMinLength: 5, prefixMinLength: 4, namesBoost: 1.5, maxHits: 60 }

export interface Hit {
  id: number
  score: number
  /** Query terms that matched, each with the indexed terms it matched. */
  matched: Map<string, string[]>
}

const identity = (term: string) => term

/** Documents arrive analysed: fields are term arrays, and queries are analysed terms joined by spaces. */
const MINISEARCH_OPTIONS: Options<IndexDocument> = {
  fields: ['terms', 'names'],
  extractField: (document, field) => (field === 'id' ? document.id : (document[field as 'terms' | 'names'] ?? []).join(' ')) as string,
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
 * The passage index: MiniSearch over analysed passage text and names, with bounded fuzzy and
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

  /** Restores an index saved with `toJSON` (faster than rebuilding). */
  static load(json: string, options: Partial<IndexOptions> = {}): PassageIndex {
    const search = MiniSearch.loadJSON<IndexDocument>(json, MINISEARCH_OPTIONS)
    return new PassageIndex(search, { ...DEFAULT_INDEX_OPTIONS, ...options })
  }

  toJSON(): string {
    return JSON.stringify(this.search)
  }

  get documentCount(): number {
    return this.search.documentCount
  }

  /** Searches analysed query terms (OR), best first, at most `maxHits`. */
  find(queryTerms: string[]): Hit[] {
    if (queryTerms.length === 0) return []
    const options = this.options
    const results: SearchResult[] = this.search.search(queryTerms.join(' '), {
      boost: { names: options.namesBoost },
      fields: ['terms', 'names'],
      fuzzy: (term) => (term.length >= options.fuzzyMinLength ? options.fuzzy : false),
      prefix: (term) => term.length >= options.prefixMinLength,
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
