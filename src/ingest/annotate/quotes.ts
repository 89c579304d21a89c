import type { EntityMention, QuoteMention } from '../types.js'

export interface QuoteContext {
  /** The last person named before this passage in the article (resolves "he said"). */
  lastPerson: string | null
  /** The last organisation named before this passage (resolves "the company said"). */
  lastOrganisation: string | null
  /** Speaker of the previous passage's last quote, for a quote that continues it unattributed. */
  previousSpeaker: string | null
  /** Whether a name is a person's, though the text has not said so yet (default: typed a person). */
  isPerson?: (entity: EntityMention) => boolean
}

const SPEECH = '(?:said|says|told(?: reporters)?|added|wrote|argued|stated|explained|warned|noted|agreed)'
const AFTER_QUOTE = new RegExp(`^\\s*,?\\s*([^.;“”"]{1,80}?)\\s+${SPEECH}\\b|^\\s*,?\\s*${SPEECH}\\s+([^,.;“”"]{1,60})`)
const BEFORE_QUOTE = new RegExp(`([^.;“”"]{1,80}?)\\s+${SPEECH}\\b[^“"]*$`)
const PRONOUN = /^(he|she|they|him|her)$/i
const ORG_REFERENCE = /^the (company|firm|group|bank|agency|department|ministry)$/i
const MIN_QUOTE_WORDS = 4

function quoteSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = []
  for (const match of text.matchAll(/“([^”]*)(”|$)|(?<![\w])"([^"]+)("|$)/g)) {
    const inner = match[1] ?? match[3] ?? ''
    if (inner.trim().split(/\s+/).length >= MIN_QUOTE_WORDS) spans.push({ start: match.index, end: match.index + match[0].length })
  }
  return spans
}

/** The speaker a phrase names: the last person or organisation mentioned in it, a pronoun resolved, or the phrase. */
function speakerIn(phrase: string, phraseStart: number, entities: EntityMention[], lastPerson: string | null, lastOrganisation: string | null): string | null {
  const trimmed = phrase.trim().replace(/^(and|but|so)\s+/i, '')
  if (PRONOUN.test(trimmed)) return lastPerson
  if (ORG_REFERENCE.test(trimmed)) return lastOrganisation
  const inside = entities.filter((entity) => entity.type !== 'place' && entity.offset >= phraseStart && entity.offset < phraseStart + phrase.length)
  // "Ellen Price, who lives on Creek Road …, said": a name set off by a comma is the subject; what follows describes it.
  const [first] = inside
  if (first && phrase.slice(first.offset - phraseStart + first.name.length).startsWith(',')) return first.name
  const named = inside.at(-1)
  if (named) return named.name
  return /^(the|a|an|one)\b/i.test(trimmed) && trimmed.split(/\s+/).length <= 8 ? trimmed : null
}

/**
 * Finds direct quotes (at least four words inside quotation marks) and who spoke them:
 * "“…,” Tzeng said", "…, said Robert O’Brien", "Ant Group said … its “…”", "he said" resolved to
 * the last person named, and unattributed quotes continuing the previous speaker.
 */
export function annotateQuotes(text: string, entities: EntityMention[], context: QuoteContext): QuoteMention[] {
  const quotes: QuoteMention[] = []
  let previous = context.previousSpeaker
  const isPerson = context.isPerson ?? ((entity: EntityMention) => entity.type === 'person')
  for (const span of quoteSpans(text)) {
    const people = entities.filter((entity) => isPerson(entity) && entity.offset < span.start)
    const organisations = entities.filter((entity) => entity.type === 'organisation' && entity.offset < span.start)
    const sentenceStart = Math.max(text.lastIndexOf('. ', span.start) + 1, 0)
    // "Yvette Albright became interim chief executive after Judith Coyle stepped down. She told members …": a pronoun
    // opening a sentence goes back to the previous sentence's subject, the first person it names.
    const previousStart = Math.max(text.lastIndexOf('. ', sentenceStart - 2) + 1, 0)
    const inSentence = people.some((entity) => entity.offset >= sentenceStart)
    // Not a name in the possessive: "Solberg's attorney, Miriam Castellanos-Hale, said …" has her as its subject.
    const owner = (entity: EntityMention) => /^['’]s\b/.test(text.slice(entity.offset + entity.name.length))
    const subject =
      sentenceStart > 0 && !inSentence ? people.find((entity) => entity.offset >= previousStart && entity.offset < sentenceStart && !owner(entity)) : undefined
    const lastPerson = (subject ?? people.at(-1))?.name ?? context.lastPerson
    const lastOrganisation = organisations.at(-1)?.name ?? context.lastOrganisation

    let speaker: string | null = null
    // A quote that ends its sentence ("… in her career.\" He said …") is not attributed by the next one.
    const endsSentence = /\.["”]$/.test(text.slice(span.start, span.end))
    const after = endsSentence ? null : AFTER_QUOTE.exec(text.slice(span.end))
    if (after) {
      // One of the two alternatives matched, so one of the two groups is set.
      const phrase = after[1] ?? after[2] ?? ''
      const phraseStart = span.end + after[0].indexOf(phrase)
      speaker = speakerIn(phrase, phraseStart, entities, lastPerson, lastOrganisation)
    }
    if (!speaker) {
      const before = BEFORE_QUOTE.exec(text.slice(sentenceStart, span.start))
      if (before) speaker = speakerIn(before[1] ?? '', sentenceStart + before.index, entities, lastPerson, lastOrganisation)
    }
    // "Councilwoman Maribel Ortega … called Tallis's deadline “a threat, plain and simple.”": a quote inside
    // a sentence is its subject's, not the previous speaker's; only a quote that opens its sentence continues one.
    const opensSentence = !/[\p{L}\p{N}]/u.test(text.slice(sentenceStart, span.start))
    if (!speaker && !opensSentence) {
      const subject = entities.find((entity) => entity.type === 'person' && entity.offset >= sentenceStart && entity.offset < span.start)
      speaker = subject?.name ?? null
    } else speaker ??= previous
    quotes.push({ speaker, text: text.slice(span.start, span.end), offset: span.start })
    previous = speaker
  }
  return quotes
}
