import type { Article, Corpus } from '../ingest/types.js'

/** The corpus as the JSON contract gives it: articles with their annotated passages. */
export function corpusJson(corpus: Corpus): object {
  return {
    articles: corpus.articles.map((article) => ({
      id: article.id,
      file: article.file,
      outlet: article.outlet,
      wire: article.wire,
      published: article.published,
      url: article.url,
      byline: article.byline,
      title: article.title,
      provenance: article.provenance,
      passages: article.passages.map((passage) => ({
        id: passage.id,
        paragraph: passage.paragraph,
        start: passage.start,
        end: passage.end,
        text: passage.text,
        sentences: passage.sentences.map((sentence) => sentence.text),
        dates: passage.dates.map(({ text, iso, ...rest }) => ({ text, iso, ...rest })),
        entities: passage.entities.map(({ name, type, role }) => ({ name, type, role })),
        quotes: passage.quotes.map(({ speaker, text }) => ({ speaker, text })),
        alsoIn: passage.alsoIn,
      })),
      removed: article.removed,
    })),
    errors: corpus.errors,
  }
}

function unknown(value: string | null): string {
  return value ?? 'unknown'
}

function removedSummary(article: Article): string {
  const counts = new Map<string, number>()
  for (const item of article.removed) counts.set(item.rule, (counts.get(item.rule) ?? 0) + 1)
  return [...counts].map(([rule, count]) => `${count} ${rule}`).join(', ') || 'nothing'
}

/** A readable summary: each article's facts, passage counts, and what was removed as noise. */
export function corpusText(corpus: Corpus): string {
  const lines: string[] = []
  const passages = corpus.articles.reduce((sum, article) => sum + article.passages.length, 0)
  lines.push(`${corpus.articles.length} articles, ${passages} passages`)
  for (const article of corpus.articles) {
    const linked = article.passages.filter((passage) => passage.alsoIn.length).length
    lines.push('')
    lines.push(`${article.id}  ${unknown(article.outlet)} · ${unknown(article.published)}${article.wire ? ` · via ${article.wire}` : ''}`)
    lines.push(`  title:    ${unknown(article.title)}`)
    lines.push(`  byline:   ${unknown(article.byline)}`)
    lines.push(`  link:     ${unknown(article.url)}`)
    lines.push(`  passages: ${article.passages.length} (${linked} also carried by other outlets)`)
    lines.push(`  removed:  ${removedSummary(article)}`)
  }
  for (const error of corpus.errors) lines.push('', `skipped ${error.message}`)
  return lines.join('\n')
}
