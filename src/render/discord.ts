import { type APIEmbed, type APIEmbedField, escapeMarkdown } from 'discord.js'
import type { Answer, AnswerPassage } from '../answer/types.js'
import { missingShortAnswer } from './text.js'

/** Discord's limits on what one message may carry. */
export const LIMITS = {
  content: 2000,
  title: 256,
  description: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  footer: 2048,
  author: 256,
  embedTotal: 6000,
} as const

const ELLIPSIS = '…'
const COLOUR = { found: 0x2f6f9f, notFound: 0x8a8f98 }

/**
 * Shortens text to at most `max` characters, cutting at a sentence end if one is near, else at a
 * word boundary, and never inside a surrogate pair; adds an ellipsis when it cuts.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text
  const room = max - ELLIPSIS.length
  let cut = room
  // Each end is where the kept text stops; it must stay within the room.
  const ends = [text.lastIndexOf('. ', room - 1) + 1, text.lastIndexOf('? ', room - 1) + 1, text.lastIndexOf('.” ', room - 2) + 2].filter(
    (end) => end > 0 && end <= room,
  )
  const sentenceEnd = Math.max(0, ...ends)
  if (sentenceEnd > room * 0.6) cut = sentenceEnd
  else {
    const space = text.lastIndexOf(' ', room)
    if (space > room * 0.5) cut = space
  }
  if (cut > 0 && /[\uD800-\uDBFF]/.test(text[cut - 1] ?? '')) cut--
  return text.slice(0, cut).trimEnd() + ELLIPSIS
}

/**
 * Makes text a user typed safe to echo: mentions (@everyone, @here, <@id>, <#id>, <@&id>) broken
 * with a zero-width space so they neither ping nor render, and every character Discord's markdown
 * could act on escaped — emphasis, underline, spoilers, headings, lists, block quotes, masked links
 * and bare links (a link with an escaped colon is not a link).
 */
export function escapeUserText(text: string): string {
  return neutralizeMentions(text).replace(/[\\*_~`|>#\-+[\]()<:!.]/g, '\\$&')
}

/** Breaks every mention and strips control and bidi-override characters; for places markdown does not render. */
export function neutralizeMentions(text: string): string {
  return (
    text
      // Control characters (Cc) but tab, line feed and the C1 range: U+0000–U+0008, U+000B–U+001F, U+007F.
      .replace(/(?![\t\n\u0080-\u009F])[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu, '')
      .replace(/<(@[!&]?|#)(\d+)>/g, '<\u200b$1$2>')
      .replace(/@/g, '@\u200b')
  )
}

/** Article text shown as a block quote, the answering sentence in bold. */
export function quoteBlock(passage: AnswerPassage, max: number): string {
  const text = passage.text
  const at = text.indexOf(passage.highlight)
  let body: string
  if (at < 0 || passage.highlight === text) body = `**${escapeMarkdown(truncate(text, max - 8))}**`
  else {
    const before = escapeMarkdown(text.slice(0, at))
    const after = escapeMarkdown(text.slice(at + passage.highlight.length))
    const highlight = `**${escapeMarkdown(passage.highlight)}**`
    body = `${before}${highlight}${after}`
    if (body.length + 2 > max) body = truncate(highlight.length + 2 <= max ? highlight : `**${escapeMarkdown(truncate(passage.highlight, max - 8))}**`, max - 2)
  }
  return `> ${body.replace(/\n/g, '\n> ')}`.slice(0, max)
}

function dateOf(passage: AnswerPassage): string {
  return passage.published ?? 'date unknown'
}

/** "London Daily (Bloomberg) · 2020-10-07 · also in BTimes, FashionNetwork" */
export function creditLine(passage: AnswerPassage, outletOf: (article: string) => string): string {
  const wire = passage.wire && passage.wire !== passage.outlet ? ` (${passage.wire})` : ''
  const also = passage.alsoIn.length ? ` · also in ${passage.alsoIn.map(outletOf).join(', ')}` : ''
  const corrected = passage.correctedIn ? ` · corrected later by ${outletOf(passage.correctedIn)}` : ''
  return `${passage.outlet ?? 'Unknown outlet'}${wire} · ${dateOf(passage)}${also}${corrected}`
}

function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  )
}

/** Drops trailing fields, then shortens the description, until the embed fits Discord's total. */
function fitEmbed(embed: APIEmbed): APIEmbed {
  const fields = [...(embed.fields ?? [])].slice(0, LIMITS.fields)
  let fitted: APIEmbed = { ...embed, fields }
  while (embedLength(fitted) > LIMITS.embedTotal && fields.length) {
    fields.pop()
    fitted = { ...fitted, fields: [...fields] }
  }
  if (embedLength(fitted) > LIMITS.embedTotal && fitted.description) {
    const excess = embedLength(fitted) - LIMITS.embedTotal
    fitted = { ...fitted, description: truncate(fitted.description, fitted.description.length - excess) }
  }
  return fitted
}

export interface RenderOptions {
  /** Outlet name for an article id (for "also in …"). */
  outletOf: (article: string) => string
  /** The question as the user typed it, echoed escaped when there is no short answer. */
  question: string
}

const FOOTER = 'Byline · quotes are verbatim from the articles'

/** How many passages each page of an answer shows. */
export const PAGE_SIZES = {
  /** The first page: the best quote in the description, then this many more outlets. */
  firstExtra: 2,
  /** Each further page ("More passages"). */
  more: 5,
  /** Each page of a timeline. */
  timeline: 8,
} as const

/** One page of an answer: its embed, which page it is, and how many there are. */
export interface AnswerPage {
  embed: APIEmbed
  page: number
  pages: number
}

/** The passages of one page, and the number of pages, for an answer's kind. */
function pageOf(answer: Answer, page: number): { passages: AnswerPassage[]; pages: number; first: boolean } {
  const { passages } = answer
  if (!answer.found) return { passages: passages.slice(0, 3), pages: 1, first: true }
  if (answer.command === 'timeline') {
    const pages = Math.max(1, Math.ceil(passages.length / PAGE_SIZES.timeline))
    const at = Math.min(Math.max(0, page), pages - 1)
    return { passages: passages.slice(at * PAGE_SIZES.timeline, (at + 1) * PAGE_SIZES.timeline), pages, first: at === 0 }
  }
  const firstCount = 1 + PAGE_SIZES.firstExtra
  const pages = 1 + Math.max(0, Math.ceil((passages.length - firstCount) / PAGE_SIZES.more))
  const at = Math.min(Math.max(0, page), pages - 1)
  if (at === 0) return { passages: passages.slice(0, firstCount), pages, first: true }
  const from = firstCount + (at - 1) * PAGE_SIZES.more
  return { passages: passages.slice(from, from + PAGE_SIZES.more), pages, first: false }
}

/** An answer as one Discord embed (its first page), within every limit. */
export function answerEmbed(answer: Answer, options: RenderOptions): APIEmbed {
  return renderAnswer(answer, options, 0).embed
}

/**
 * One page of an answer as a Discord embed, within every limit. The first page carries the short
 * answer, the best quote and its credit, and at most two more outlets; the rest of the passages
 * (or of a timeline's events) come a page at a time. A link is shown once per article.
 */
export function renderAnswer(answer: Answer, options: RenderOptions, page: number): AnswerPage {
  const question = neutralizeMentions(options.question)
  const shown = pageOf(answer, page)
  const at = Math.min(Math.max(0, page), shown.pages - 1)
  const linked = new Set<string>()
  const field = (passage: AnswerPassage) => passageField(passage, options, linked)
  const pageNote = shown.pages > 1 ? ` · page ${at + 1} of ${shown.pages}` : ''
  if (!answer.found) {
    const cover = answer.suggestions.length ? `\n\nThe story does cover: ${answer.suggestions.map((name) => `**${escapeMarkdown(name)}**`).join(', ')}.` : ''
    const closest = shown.passages.length > 0
    const embed = fitEmbed({
      title: closest ? 'Closest passages — the story may not say exactly this' : 'The story does not say',
      description: truncate(`${escapeUserText(answer.message ?? 'Nothing in the articles answers that.')}${cover}`, LIMITS.description),
      color: COLOUR.notFound,
      fields: shown.passages.map(field),
      footer: { text: question ? truncate(`You asked: ${question}`, LIMITS.footer) : FOOTER },
    })
    return { embed, page: 0, pages: 1 }
  }
  const grouped = answer.command === 'source' || answer.command === 'compare' || answer.command === 'timeline' || answer.command === 'outlets'
  const title = truncate(escapeMarkdown(answer.answer ?? whatWasFound(answer)), LIMITS.title)
  const [first, ...rest] = shown.passages
  const fields: APIEmbedField[] = []
  let description = answer.date && shown.first ? `**Date:** ${answer.date}\n` : ''
  if (grouped || !shown.first) {
    if (shown.first && answer.answer && answer.answer.length > LIMITS.title) description += `${escapeMarkdown(truncate(answer.answer, 1500))}\n`
    for (const passage of shown.passages) fields.push(field(passage))
  } else if (first) {
    const link = first.url ? `\n${first.url}` : ''
    if (first.url) linked.add(first.url)
    const credit = `— ${escapeMarkdown(creditLine(first, options.outletOf))}${link}`
    description += `${quoteBlock(first, LIMITS.description - description.length - credit.length - 2)}\n${credit}`
    for (const passage of rest) fields.push(field(passage))
  }
  // A follow-up shows how it was read, with the question before it.
  const readAs = answer.readAs ? ` · read as: ${neutralizeMentions(answer.readAs)}` : ''
  const footer = question && (answer.answer || readAs) ? truncate(`You asked: ${question}${readAs}${pageNote}`, LIMITS.footer) : `${FOOTER}${pageNote}`
  const embed = fitEmbed({
    title,
    description: truncate(description || escapeMarkdown(answer.message ?? ''), LIMITS.description) || undefined,
    color: COLOUR.found,
    fields,
    footer: { text: footer },
  })
  return { embed, page: at, pages: shown.pages }
}

/** A title for an answer with no short answer: what was found, not the question echoed. */
function whatWasFound(answer: Answer): string {
  const outlets = [...new Set(answer.passages.map((passage) => passage.outlet ?? 'an unnamed outlet'))]
  const named =
    outlets.length <= 3 ? outlets.join(', ').replace(/, ([^,]*)$/, ' and $1') : `${outlets.slice(0, 2).join(', ')} and ${outlets.length - 2} more outlets`
  const count = answer.passages.length
  if (!count) return 'Nothing found'
  const found = `${count} ${count === 1 ? 'passage' : 'passages'} from ${named}`
  // A who or when question with no short answer: the passages tell of it, but say no name or date; the title says so.
  const missing = missingShortAnswer(answer)
  return missing ? `${missing} · ${found}` : found
}

/**
 * A passage as an embed field: its credit as the name, the answering sentence quoted, and its
 * link unless an earlier field of the embed gave it (`linked`). An article listed by /outlets shows
 * its title and byline instead of a quote.
 */
function passageField(passage: AnswerPassage, options: RenderOptions, linked = new Set<string>()): APIEmbedField {
  const name = truncate(`${passage.when?.iso ? `${passage.when.iso} · ` : ''}${creditLine(passage, options.outletOf)}`, LIMITS.fieldName)
  const link = passage.url && !linked.has(passage.url) ? `\n${passage.url}` : ''
  if (passage.url) linked.add(passage.url)
  const record = passage.title !== undefined || passage.byline !== undefined
  const body = record
    ? `**${escapeMarkdown(passage.title ?? 'Untitled')}**\n${passage.byline ? `By ${escapeMarkdown(passage.byline)}` : 'No byline'}`
    : `> ${escapeMarkdown(truncate(passage.highlight, LIMITS.fieldValue - link.length - 8)).replace(/\n/g, '\n> ')}`
  return { name, value: truncate(`${body}${link}`, LIMITS.fieldValue) }
}

/** Several embeds for one message, within Discord's total for all of them: each gets an equal share, giving up fields, then description. */
export function fitEmbeds(embeds: APIEmbed[]): APIEmbed[] {
  const share = Math.floor(LIMITS.embedTotal / Math.max(1, embeds.length))
  return embeds.map((embed) => {
    const fields = [...(embed.fields ?? [])]
    let fitted: APIEmbed = { ...embed, fields }
    while (embedLength(fitted) > share && fields.length) {
      fields.pop()
      fitted = { ...fitted, fields: [...fields] }
    }
    const excess = embedLength(fitted) - share
    if (excess > 0 && fitted.description) fitted = { ...fitted, description: truncate(fitted.description, Math.max(1, fitted.description.length - excess)) }
    return fitted
  })
}

/** Plain message text, escaped and within the 2,000-character limit. */
export function safeContent(text: string): string {
  return truncate(text, LIMITS.content)
}

/** An embed as plain text, for the local console: the same content people see in Discord. */
export function embedAsText(embed: APIEmbed): string {
  const parts = [embed.title ? `# ${embed.title}` : '', embed.description ?? '']
  for (const field of embed.fields ?? []) parts.push(`\n## ${field.name}\n${field.value}`)
  if (embed.footer) parts.push(`\n${embed.footer.text}`)
  return parts
    .filter(Boolean)
    .join('\n')
    .replace(/\\([^\p{L}\p{N}\s])/gu, '$1')
}
