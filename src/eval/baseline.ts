import MiniSearch from 'minisearch'
import type { Answer, AnswerPassage, Command } from '../answer/types.js'
import type { Article } from '../ingest/types.js'

interface RawParagraph {
  id: number
  text: string
  article: Article
  paragraph: number
}

/**
 * The naive peer: MiniSearch with default options over each file's raw text split into
 * paragraphs (blank lines, or lines when a file has none). No cleaning, no analysis, no refusal.
 */
export class NaiveBaseline {
  private readonly paragraphs: RawParagraph[] = []
  private readonly search = new MiniSearch<RawParagraph>({ fields: ['text'] })

  constructor(files: { article: Article; text: string }[]) {
    for (const { article, text } of files) {
      const blocks = /\n\s*\n/.test(text) ? text.split(/\n\s*\n/) : text.split('\n')
      blocks
        .map((block) => block.trim())
        .filter(Boolean)
        .forEach((block, i) => {
          this.paragraphs.push({ id: this.paragraphs.length, text: block, article, paragraph: i + 1 })
        })
    }
    this.search.addAll(this.paragraphs)
  }

  /** Raw MiniSearch results, scored like the engine's: the first paragraphs, no short answer. */
  answer(command: Command, query: string): Answer {
    const results = this.search.search(query)
    const passages: AnswerPassage[] = results.slice(0, command === 'source' || command === 'compare' ? 25 : 5).map((result) => {
      const paragraph = this.paragraphs[result.id as number]
      if (!paragraph) throw new Error('baseline: MiniSearch returned an unknown paragraph id')
      const { article } = paragraph
      return {
        text: paragraph.text,
        highlight: paragraph.text,
        article: article.id,
        paragraph: paragraph.paragraph,
        outlet: article.outlet,
        wire: article.wire,
        published: article.published,
        url: article.url,
        score: result.score,
        alsoIn: [],
      }
    })
    return { command, query, found: passages.length > 0, answer: null, date: null, passages, suggestions: [], message: null }
  }
}
