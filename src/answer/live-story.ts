import { PassageIndex } from '../index/search-index.js'
import { annotateArticle, properNounsOfPages, type RawArticle, type SegmentedPage, segmentPage } from '../ingest/corpus.js'
import { canonicalizeEntities } from '../ingest/resolve.js'
import { SyndicationLinker } from '../ingest/syndication.js'
import type { Article, Passage } from '../ingest/types.js'
import type { Language } from '../language/index.js'
import { AnswerEngine, type EngineOptions } from './engine.js'
import { buildKnowledge, indexDocuments, passageTerms } from './knowledge.js'

/**
 * A story whose articles come and go one at a time (moderators adding pages from Discord). Each
 * page is annotated once and its passages analysed once; a change re-runs only the story-wide
 * steps (entity names, "also in" links) and updates the passage index in place.
 */
export class LiveStory {
  /** Each page's own annotation, before the story-wide steps change it. */
  private readonly annotated = new Map<string, Article>()
  private readonly terms = new Map<string, string[][]>()
  private readonly linker = new SyndicationLinker()
  private properNouns: Set<string>
  private readonly index: PassageIndex
  private current: AnswerEngine

  /** Builds the story from its pages at once (start-up, or a story read back from storage). */
  constructor(
    raws: RawArticle[],
    private readonly language: Language,
    private readonly options: Partial<EngineOptions> = {},
  ) {
    const pages = raws.map(segmentPage)
    this.properNouns = properNounsOfPages(pages)
    const articles = pages.map((page) => this.annotate(page))
    this.linker.add(articles.flatMap((article) => article.passages))
    this.index = PassageIndex.build([])
    this.current = this.relink()
    this.index.add(indexDocuments(this.current.knowledge))
  }

  /** The engine answering over the story as it is now. */
  get engine(): AnswerEngine {
    return this.current
  }

  /** The ids of the story's articles, in the order they were added. */
  get articleIds(): string[] {
    return [...this.annotated.keys()]
  }

  /** Adds (or, for a known id, replaces) one page; returns the article as the story now reads it. */
  put(raw: RawArticle): Article {
    const page = segmentPage(raw)
    for (const name of properNounsOfPages([page])) this.properNouns.add(name)
    const { id, passages } = this.annotate(page)
    this.linker.add(passages)
    this.current = this.relink()
    this.index.add(indexDocuments(this.current.knowledge, new Set([id])))
    const article = this.current.knowledge.articles.get(id)
    if (!article) throw new Error(`article ${id} was not built`)
    return article
  }

  /** Removes an article; false when the story has no such article. */
  remove(id: string): boolean {
    const article = this.annotated.get(id)
    if (!article) return false
    this.forget(article)
    this.current = this.relink()
    return true
  }

  private annotate(page: SegmentedPage): Article {
    const article = annotateArticle(page, this.properNouns)
    const previous = this.annotated.get(article.id)
    if (previous) this.forget(previous)
    this.annotated.set(article.id, article)
    for (const passage of article.passages) this.terms.set(passage.id, passageTerms(passage, this.language))
    return article
  }

  private forget(article: Article): void {
    const ids = article.passages.map((passage) => passage.id)
    this.index.discard(ids)
    this.linker.remove(ids)
    for (const passage of article.passages) this.terms.delete(passage.id)
    this.annotated.delete(article.id)
  }

  /** The story-wide steps over copies of the pages' own annotations (names resolved, "also in" links), and an engine over the result. */
  private relink(): AnswerEngine {
    const articles = [...this.annotated.values()].map((article) => ({ ...article, passages: article.passages.map(copyForLinking) }))
    canonicalizeEntities(articles)
    this.linker.apply(articles.flatMap((article) => article.passages))
    const sentenceTerms = articles.flatMap((article) => article.passages.map((passage) => this.terms.get(passage.id) ?? []))
    return AnswerEngine.fromParts(buildKnowledge(articles, this.language, { sentenceTerms }), this.index, this.options)
  }
}

/** A copy of a passage whose entity names, speakers and links the story-wide steps may change. */
function copyForLinking(passage: Passage): Passage {
  return {
    ...passage,
    sentences: passage.sentences.map((sentence) => ({ ...sentence })),
    entities: passage.entities.map((entity) => ({ ...entity })),
    quotes: passage.quotes.map((quote) => ({ ...quote })),
  }
}
