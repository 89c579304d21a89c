/** Plain data shared by every stage after ingestion. */

/** A date mention: the text as written and its resolution (null when the text does not allow one). */
export interface DateMention {
  text: string
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; null when unresolved. For a span ("last week"), its first day. */
  iso: string | null
  /** The last day (`YYYY-MM-DD`) when the mention is a span of days ("last week"). */
  until?: string
  /** Offset of the mention inside the passage text. */
  offset: number
  /** What a relative mention was resolved against ("article date" or the anchoring mention). */
  basis?: string
  /**
   * "on Friday …, three days after the council approved it": the mention dates the clause after it
   * (the approval, Friday less three days), not the event before it.
   */
  datesClause?: boolean
}

export type EntityType = 'person' | 'organisation' | 'place' | 'other'

export interface EntityMention {
  name: string
  type: EntityType
  /** The role the text gives the entity here ("head of …", "Commerce secretary"), or null. */
  role: string | null
  offset: number
}

export interface QuoteMention {
  /** Canonical speaker name, or null when the text does not say who spoke. */
  speaker: string | null
  text: string
  offset: number
}

export interface Sentence {
  /** Offsets into the article's original file text. */
  start: number
  end: number
  text: string
  /** Passage ids in other articles that carry this sentence (set by syndication linking). */
  alsoIn?: string[]
}

export interface Passage {
  /** `<article id>#<paragraph>` */
  id: string
  article: string
  /** 1-based paragraph number within the cleaned article body. */
  paragraph: number
  /** Offsets into the original file text: `file.slice(start, end) === text`. */
  start: number
  end: number
  text: string
  sentences: Sentence[]
  dates: DateMention[]
  entities: EntityMention[]
  quotes: QuoteMention[]
  /** Passage ids in other articles that carry the same text (syndicated copies, light edits). */
  alsoIn: string[]
}

export interface ArticleMeta {
  outlet: string | null
  wire: string | null
  /** Article date as known: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; null when unknown. */
  published: string | null
  url: string | null
  byline: string | null
  title: string | null
}

export interface Article extends ArticleMeta {
  id: string
  file: string
  /** Where each metadata field came from: the metadata file, the page text, or unknown. */
  provenance: Partial<Record<keyof ArticleMeta, 'metadata' | 'text'>>
  passages: Passage[]
  /** Lines dropped as page noise, with the rule that dropped them. */
  removed: RemovedText[]
}

export interface RemovedText {
  text: string
  rule: string
}

export interface LoadError {
  file: string
  message: string
}

export interface Corpus {
  articles: Article[]
  errors: LoadError[]
}
