import type { AnswerContext } from '../context.js'
import type { Answer } from '../types.js'

/** outlets: every article of the story, with its outlet, date, wire, byline and link. */
export function answerOutlets(context: AnswerContext, base: Answer): Answer {
  const passages = [...context.knowledge.articles.values()].flatMap((article) => {
    const lead = context.knowledge.passages.findIndex((passage) => passage.article === article.id)
    return lead >= 0 ? [{ ...context.toPassage(lead, 0, 1), title: article.title, byline: article.byline }] : []
  })
  const names = new Set(passages.map((passage) => passage.outlet ?? 'unknown outlet'))
  return { ...base, found: passages.length > 0, answer: `${passages.length} articles from ${names.size} outlets`, passages }
}
