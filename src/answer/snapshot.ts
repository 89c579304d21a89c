import type { AsPlainObject } from 'minisearch'
import type { TemporalMention } from '../ingest/annotate/dates.js'
import type { Article, EntityType, Passage } from '../ingest/types.js'

/** Bumped whenever the saved shape or what is derived into it changes (18: a name ending in a body’s word keeps its title word; "Committee on X" is one name; 19: a capitalised word after a lowercase one is never a verb; 20: a role set off with no article, by a word for a kind of person; 21: an abbreviated title ("Capt.") is read as the word it stands for and opens a name; 22: a pronoun opening a sentence is the previous sentence’s subject, and a quote ending its sentence is not attributed by the next; 23: a title before a name is the role over a description after it; 24: any word for a kind of person written lowercase before a name is a role, "Board member Victor Ambrose"; 25: a person's surname alone does not carry a mention's type to the person, "the Fenwick suit"); an older snapshot must be rebuilt. */
export const SNAPSHOT_FORMAT = 25

/**
 * A passage as saved: only what cannot be derived. Ids, sentence texts, quote and date texts are
 * slices or functions of the rest; records are tuples; syndication links are passage numbers.
 */
export interface SavedPassage {
  paragraph: number
  start: number
  end: number
  text: string
  sentences: [start: number, end: number, alsoIn: number[]][]
  dates: [offset: number, length: number, iso: string | null, kind: string, basis: string | null, until: string | null, datesClause: boolean][]
  entities: [name: string, type: string, role: string | null, offset: number][]
  quotes: [speaker: string | null, offset: number, length: number][]
  alsoIn: number[]
}

export type SavedArticle = Omit<Article, 'passages'> & { passages: SavedPassage[] }

export interface EngineSnapshot {
  format: number
  articles: SavedArticle[]
  sentenceTerms: string[][][]
  documentFrequency: [string, number][]
  speakers: string[]
  index: AsPlainObject
}

/** Articles in their saved form; `alsoIn` ids become positions in the flat passage list. */
export function encodeArticles(articles: Article[]): SavedArticle[] {
  const position = new Map<string, number>()
  for (const article of articles) for (const passage of article.passages) position.set(passage.id, position.size)
  // Links point only at passages of the same corpus; one that does not is dropped rather than saved broken.
  const positions = (ids: string[]) => ids.flatMap((id) => position.get(id) ?? [])
  return articles.map(({ passages, ...article }) => ({
    ...article,
    passages: passages.map((passage) => ({
      paragraph: passage.paragraph,
      start: passage.start,
      end: passage.end,
      text: passage.text,
      sentences: passage.sentences.map((sentence) => [sentence.start, sentence.end, positions(sentence.alsoIn ?? [])]),
      dates: (passage.dates as TemporalMention[]).map((date) => [
        date.offset,
        date.text.length,
        date.iso,
        date.kind,
        date.basis ?? null,
        date.until ?? null,
        date.datesClause === true,
      ]),
      entities: passage.entities.map((entity) => [entity.name, entity.type, entity.role, entity.offset]),
      quotes: passage.quotes.map((quote) => [quote.speaker, quote.offset, quote.text.length]),
      alsoIn: positions(passage.alsoIn),
    })),
  }))
}

/** One shared copy of each repeated string instead of one per occurrence after JSON.parse. */
export function interner(): (text: string) => string {
  const seen = new Map<string, string>()
  return (text) => {
    const known = seen.get(text)
    if (known !== undefined) return known
    seen.set(text, text)
    return text
  }
}

/** Articles back from their saved form, with repeated strings shared through `intern`. */
export function decodeArticles(saved: SavedArticle[], intern: (text: string) => string): Article[] {
  const ids = saved.flatMap((article) => article.passages.map((passage) => `${article.id}#${passage.paragraph}`))
  const idAt = (at: number) => {
    const id = ids[at]
    if (id === undefined) throw new Error(`the snapshot links to passage ${at}, which it does not hold: rebuild it`)
    return id
  }
  const idsAt = (positions: number[]) => positions.map(idAt)
  let position = 0
  return saved.map(({ passages, ...article }) => {
    const id = intern(article.id)
    return {
      ...article,
      id,
      passages: passages.map((passage): Passage => {
        const slice = (offset: number, length: number) => passage.text.slice(offset, offset + length)
        return {
          id: idAt(position++),
          article: id,
          paragraph: passage.paragraph,
          start: passage.start,
          end: passage.end,
          text: passage.text,
          sentences: passage.sentences.map(([start, end, alsoIn]) => ({
            start,
            end,
            text: passage.text.slice(start - passage.start, end - passage.start),
            alsoIn: idsAt(alsoIn),
          })),
          dates: passage.dates.map(([offset, length, iso, kind, basis, until, datesClause]): TemporalMention => ({
            text: slice(offset, length),
            iso,
            offset,
            kind: kind as TemporalMention['kind'],
            ...(basis ? { basis } : {}),
            ...(until ? { until } : {}),
            ...(datesClause ? { datesClause } : {}),
          })),
          entities: passage.entities.map(([name, type, role, offset]) => ({
            name: intern(name),
            type: intern(type) as EntityType,
            role: role && intern(role),
            offset,
          })),
          quotes: passage.quotes.map(([speaker, offset, length]) => ({ speaker: speaker && intern(speaker), text: slice(offset, length), offset })),
          alsoIn: idsAt(passage.alsoIn),
        }
      }),
    }
  })
}
