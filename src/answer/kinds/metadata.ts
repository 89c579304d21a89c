import type { Article } from '../../ingest/types.js'
import type { AnswerContext, Asked } from '../context.js'
import { nameWords } from '../knowledge.js'
import type { Answer } from '../types.js'

/** Words people use for an article itself, and for putting one out or writing it. */
const ARTICLE_NOUNS = new Set(['article', 'piece', 'story', 'version', 'copy', 'one', 'report', 'item', 'write-up', 'coverage'])
const PUBLISHING = new Set(['publish', 'run', 'come', 'put', 'post', 'release', 'print', 'appear', 'carry', 'file', 'out'])
const AUTHORSHIP = new Set(['write', 'author', 'byline', 'reporter', 'journalist', 'writer', 'report'])

/**
 * The names an article goes by: its outlet, without "the", its initials, the leading words of a
 * name that opens with call letters ("WTRP", "WTRP 12" for "WTRP 12 News"), its web address.
 */
function aliasesOf(name: string | null, url: string | null): string[] {
  const aliases: string[] = []
  if (name) {
    const words = nameWords(name).filter((word) => word !== 'the')
    aliases.push(words.join(' '), words.join(''))
    if (words.length >= 2) aliases.push(words.map((word) => word[0]).join(''))
    // A name that opens with call letters or initials is known by them ("WTRP 12 News": "WTRP", "WTRP 12").
    const first = name.replace(/^the\s+/i, '').split(/\s+/)[0] ?? ''
    if (/^\p{Lu}{2,}$/u.test(first)) for (let length = 1; length < words.length; length++) aliases.push(words.slice(0, length).join(' '))
  }
  const host = url ? /^https?:\/\/([^/]+)/i.exec(url)?.[1]?.toLowerCase().split('.') : undefined
  const site = host?.at(-2)
  if (site) aliases.push(site)
  return [...new Set(aliases.filter((alias) => alias.length >= 2))]
}

function mentions(words: string[], alias: string): boolean {
  return alias.includes(' ') ? ` ${words.join(' ')} `.includes(` ${alias} `) : words.includes(alias)
}

/** Articles the question refers to by outlet (or, failing that, by the wire they carry), with the words it used. */
export function articlesNamed(articles: Article[], query: string): { articles: Article[]; words: Set<string> } {
  const words = nameWords(query)
  const used = new Set<string>()
  const match = (name: (article: Article) => string | null, url: (article: Article) => string | null) =>
    articles.filter((article) => {
      const alias = aliasesOf(name(article), url(article)).find((candidate) => mentions(words, candidate))
      if (alias) for (const word of alias.split(' ')) used.add(word)
      return alias !== undefined
    })
  const byOutlet = match(
    (article) => article.outlet,
    (article) => article.url,
  )
  if (byOutlet.length) return { articles: byOutlet, words: used }
  return {
    articles: match(
      (article) => article.wire,
      () => null,
    ),
    words: used,
  }
}

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
  const { articles, words } = articlesNamed([...context.knowledge.articles.values()], question.text)
  const [article] = articles
  if (!article) return null
  const lemmas = question.tokens.map((token) => token.lemma)
  const rest = question.lemmas.filter((lemma) => !words.has(lemma) && !ARTICLE_NOUNS.has(lemma))
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
