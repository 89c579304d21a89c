import type { APIEmbed } from 'discord.js'
import { type ArticleReport, describe, type StoryListing } from '../stories/library.js'
import type { ArticleSummary, PageMeta } from '../stories/store.js'
import { escapeUserText, LIMITS, truncate } from './discord.js'

const FIELD_NAMES: Record<keyof PageMeta, string> = {
  outlet: 'Outlet',
  published: 'Date',
  title: 'Title',
  byline: 'Byline',
  wire: 'Wire copy of',
  url: 'Link',
}

const FOUND_IN: Record<string, string> = {
  'json-ld': 'from the page’s article data',
  opengraph: 'from the page’s sharing tags',
  meta: 'from the page’s meta tags',
  title: 'from the page title',
  text: 'from the article text',
  moderator: 'set by a moderator',
  link: 'where the link led',
}

/** What Byline understood of an added or corrected article: every field, where it came from, and what is unknown. */
export function articleReportEmbed(report: ArticleReport, heading: string): APIEmbed {
  const fields = (Object.keys(FIELD_NAMES) as (keyof PageMeta)[])
    .filter((key) => report.meta[key] !== null)
    .map((key) => ({
      name: FIELD_NAMES[key],
      value: truncate(
        `${escapeUserText(report.meta[key] ?? '')}${report.found[key] ? ` (${FOUND_IN[report.found[key]] ?? report.found[key]})` : ''}`,
        LIMITS.fieldValue,
      ),
      inline: key !== 'title' && key !== 'url',
    }))
  const unknown = report.unknown.filter((key) => key !== 'wire').map((key) => FIELD_NAMES[key].toLowerCase())
  const lines = [
    `${report.passages} passage${report.passages === 1 ? '' : 's'} to quote; “${escapeUserText(report.story)}” now holds ${report.articles} article${report.articles === 1 ? '' : 's'}.`,
  ]
  if (report.passages === 0) lines.push('No article text was found in it, so nothing in it can be quoted: check the page, or remove it.')
  if (unknown.length) lines.push(`Unknown: ${unknown.join(', ')}. Set ${unknown.length === 1 ? 'it' : 'them'} with \`/story fix\` (article #${report.id}).`)
  return { title: truncate(heading, LIMITS.title), description: lines.join('\n'), fields, footer: { text: `Article #${report.id}` } }
}

const LISTED_ARTICLES = 15

/** The server's stories, the active one marked, and the active story's newest articles. */
export function storyListText(stories: StoryListing[], articles: ArticleSummary[]): string {
  const lines = stories.map(
    (story) =>
      `${story.active ? '▶' : '•'} **${escapeUserText(story.name)}**: ${story.articles} article${story.articles === 1 ? '' : 's'}${story.bundled ? ' (ships with Byline; cannot be changed)' : ''}${story.active ? ' — active' : ''}`,
  )
  if (articles.length) {
    lines.push('', '**Articles in the active story**, newest first')
    const newest = articles.slice(-LISTED_ARTICLES).reverse()
    for (const article of newest) lines.push(`#${article.id} ${escapeUserText(describe(article.meta))}`)
    const more = articles.length - newest.length
    if (more > 0) lines.push(`…and ${more} older (type a word of one in /story remove or /story fix to find it).`)
  }
  return truncate(lines.join('\n'), LIMITS.content)
}

/** An article as an autocomplete choice: its number, outlet, date and title. */
export function articleLabel(article: ArticleSummary): string {
  return `#${article.id} ${describe(article.meta)}`
}
