import type { Article } from '../../ingest/types.js'
import type { AnswerContext, Asked } from '../context.js'
import { ARTICLE_NOUNS, articlesNamed } from '../articles-named.js'
import { nameWords } from '../knowledge.js'
import type { Answer } from '../types.js'

/** Words people use for putting an article out or writing it. */
const PUBLISHING = new Set(['publish', 'run', 'come', 'put', 'post', 'release', 'print', 'appear', 'carry', 'file', 'out'])
const AUTHORSHIP = new Set(['write', 'author', 'byline', 'reporter', 'journalist', 'writer', 'report'])

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** "2020-10-07" → "October 7, 2020"; "2020-10" → "October 2020". */
export function spellDate(iso: string): string {
  const [year, month, day] = iso.split('-')
  const name = month ? MONTHS[Number(month) - 1] : undefined
  if (!year || !name) return iso
  return day ? `${name} ${Number(day)}, ${year}` : `${name} ${year}`
}

/**
 * Questions about the articles themselves, answered from their records, not their text: "when
 * was the TechCentral piece published", "who wrote the NYT story", "which site ran the Reuters
 * copy". Null when the question is not one.
 */
export function answerFromRecords(context: AnswerContext, asked: Asked): Answer | null {
  const { question, base } = asked
  const named = articlesNamed([...context.knowledge.articles.values()], question.text)
  const { words } = named
  // "when did the dispatch run the ap story": the paper that carries the other one named.
  const carriers = named.articles.filter((each) => each.wire !== null && named.articles.some((other) => other !== each && other.outlet === each.wire))
  const articles = carriers.length > 0 ? carriers : named.articles
  const [article] = articles
  if (!article) return null
  const lemmas = question.tokens.map((token) => token.lemma)
  // "the meridian press wire story": a word between the outlet's name and the word for the article describes the article.
  const typed = nameWords(question.text)
  const describing = new Set(typed.filter((word, i) => words.has(typed[i - 1] ?? '') && ARTICLE_NOUNS.has(typed[i + 1] ?? '') && !words.has(word)))
  const rest = question.lemmas.filter((lemma, i) => !words.has(lemma) && !ARTICLE_NOUNS.has(lemma) && !describing.has(question.surfaces[i] ?? ''))
  const lead = (of: Article) => {
    const index = context.knowledge.passages.findIndex((passage) => passage.article === of.id)
    return index >= 0 ? [context.toPassage(index, 0, 1)] : []
  }
  const record = (of: Article) => `From the article's record: ${of.outlet ?? 'outlet unknown'}, ${of.published ? spellDate(of.published) : 'date unknown'}.`

  if (lemmas.some((lemma) => AUTHORSHIP.has(lemma)) && (question.type === 'agent' || question.type === 'identify')) {
    // Of the articles named ("for Bloomberg" may name several copies), the one that credits its authors.
    const signed = articles.find((each) => each.byline) ?? article
    const credit = [signed.byline, signed.wire && signed.wire !== signed.byline ? `for ${signed.wire}` : null].filter(Boolean).join(' ')
    if (!credit) return { ...base, found: false, message: `The ${signed.outlet ?? signed.id} article does not name its author.`, passages: lead(signed) }
    return { ...base, found: true, answer: credit, message: record(signed), passages: lead(signed) }
  }
  const publishing = rest.every((lemma) => PUBLISHING.has(lemma)) || lemmas.some((lemma) => PUBLISHING.has(lemma) || lemma === 'date')
  if (question.type === 'date' && publishing && articles.length === 1) {
    if (!article.published) return { ...base, found: false, message: `The ${article.outlet ?? article.id} article gives no date.`, passages: lead(article) }
    return { ...base, found: true, answer: spellDate(article.published), date: article.published, message: record(article), passages: lead(article) }
  }
  if (question.type === 'reporters' && rest.every((lemma) => PUBLISHING.has(lemma))) {
    const outlets = [...new Set(articles.map((article) => article.outlet ?? article.id))]
    return { ...base, found: true, answer: outlets.join(', '), message: `From the articles' records.`, passages: articles.flatMap(lead) }
  }
  return null
}
