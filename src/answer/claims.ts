import { analyse } from '../language/index.js'

/** Discord markup that is not part of what a message claims: mentions, emoji, links and markdown. */
const MARKUP: [RegExp, string][] = [
  [/\[([^\]]*)\]\([^)]*\)/g, '$1'], // masked link → its text
  [/<(?:@[!&]?|#)\d+>/g, ' '], // user, role and channel mentions
  [/<a?:\w+:\d+>/g, ' '], // custom emoji
  [/@(?:everyone|here)\b/g, ' '],
  [/https?:\/\/\S+?(?=[.,;:!?)]*(?:\s|$))/g, ''], // bare links (a full stop after one still ends the sentence)
  [/```[^]*?```/g, ' '], // code blocks
  [/^\s*(?:>+|#+|[-*]|\d+\.)\s+/gm, ''], // quotes, headings, list markers
  [/(\*\*|__|\*|_|~~|\|\||`)/g, ''], // emphasis, underline, strike, spoiler, code
]

/** The plain text of a Discord message, without mentions, links or markdown. */
export function plainText(message: string): string {
  let text = message
  for (const [pattern, replacement] of MARKUP) text = text.replace(pattern, replacement)
  return text.replace(/\s+/g, ' ').trim()
}

/**
 * The claims of a message, to look up one by one: its sentences of four words or more, the
 * longest `max` of them kept in their order. A short message is one claim.
 */
export function claimsOf(message: string, max = 3): string[] {
  const text = plainText(message)
  const sentences = analyse(text)
    .sentences.map(({ start, end }) => text.slice(start, end).trim())
    .filter((sentence) => sentence.split(/\s+/).length >= 4)
  if (sentences.length === 0) return text ? [text] : []
  const kept = new Set([...sentences].sort((a, b) => b.length - a.length).slice(0, max))
  return sentences.filter((sentence) => kept.has(sentence))
}
