import type { ParsedComponents, ParsedResult } from 'chrono-node'
import { newsCalendar } from './calendar.js'
import { analyse, isContent, stem } from '../../language/nlp.js'
import type { DateMention } from '../types.js'

/** How a temporal expression relates to the calendar. */
export type DateKind = 'date' | 'relative' | 'vague' | 'duration' | 'clause'

export interface TemporalMention extends DateMention {
  kind: DateKind
}

/** A resolved mention earlier in the article, with the sentence it dates. */
export interface AnchorDate extends DateMention {
  sentence: string
}

export interface DateContext {
  /** The article's own date (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`), which relative phrases resolve against; null if unknown. */
  reference: string | null
  /** Resolved mentions earlier in the article, nearest last: anchors for "a day after …". */
  earlier: readonly AnchorDate[]
  /** The text's sentences, as offsets into it (else read off its full stops). */
  sentences?: readonly { start: number; end: number }[]
}

const WORD_NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
}

/** "a day after", "two weeks before", "3 months later", "the day before"; "the next day", "the previous week". */
const EVENT_RELATIVE =
  /\b(?:(a|an|one|the|two|three|four|five|six|seven|eight|nine|ten|\d+|several|a few)\s+(day|week|month|year)s?\s+(after|before|later|earlier)|the\s+(next|following|previous|prior)\s+(day|week|month|year))\b/gi
/** Standalone years chrono leaves alone ("In 2018", "a 2019 order"); not money, not part of a bigger number. */
const YEAR = /(?<![\d$£€.,])\b(19\d{2}|20\d{2})\b(?![\d%]|[.,]\d)/g
const VAGUE =
  /\b(recently|lately|in recent (?:days|weeks|months|years)|in the (?:coming|next|past|last) (?:few )?(?:days|weeks|months|years?)|(?:earlier|later) this (?:week|month|year)|at the time|in the days since|soon)\b/gi
const DURATION =
  /\b(?:for\s+(?:the\s+(?:past|last|next)\s+)?)?(?:(?:a few|several|many|\d+|two|three|four|five|six)[\s-])?(?:days?|weeks?|months?|years?)\b(?=\s+(?:to|of|for|before|after)\b|[.,;]|$)|\b\d+-(?:day|week|month|year)\b/gi
const CLAUSE =
  /\b(since|after|before|until|once)\s+(?!the\s+(?:end|start)\b)([^,;:—–()]{3,80}?)(?=[,;:—–()“”"]|[.!?]["”’]?(?:\s|$)|\s+(?:and|but|while|though|although|when|because)\b|$)/gi

function precisionIso(date: Date, unit: 'day' | 'month' | 'year'): string {
  const iso = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
  return unit === 'day' ? iso : unit === 'month' ? iso.slice(0, 7) : iso.slice(0, 4)
}

/** The precision of an ISO string: 'day', 'month' or 'year'. */
export function isoPrecision(iso: string): 'day' | 'month' | 'year' {
  return iso.length === 10 ? 'day' : iso.length === 7 ? 'month' : 'year'
}

const PRECISION_RANK = { year: 1, month: 2, day: 3 } as const

function referenceDate(reference: string | null): Date | null {
  if (!reference) return null
  const [year, month = '01', day = '01'] = reference.split('-')
  return new Date(Number(year), Number(month) - 1, Number(day), 12)
}

/** A time of day as written in news copy: "6:48 p.m.", "8 p.m.", "noon", "midnight" (not a bare "at 1"). */
const CLOCK_TIME = /\d{1,2}:\d{2}|\d\s*[ap]\.?m\b|\b(?:noon|midnight)\b/i

function shift(iso: string, amount: number, unit: string): string | null {
  const precision = isoPrecision(iso)
  const needed = unit === 'day' || unit === 'week' ? 'day' : unit === 'month' ? 'month' : 'year'
  const order = { day: 3, month: 2, year: 1 }
  if (order[precision] < order[needed]) return null
  const date = referenceDate(iso)
  if (!date) return null
  if (unit === 'day') date.setDate(date.getDate() + amount)
  if (unit === 'week') date.setDate(date.getDate() + 7 * amount)
  if (unit === 'month') date.setMonth(date.getMonth() + amount)
  if (unit === 'year') date.setFullYear(date.getFullYear() + amount)
  return precisionIso(date, precision)
}

/** The clause a phrase such as "a day after" opens, to its first comma or the end of its sentence. */
function clauseAfter(text: string, from: number): string {
  return /^.*?(?=[,;:—–]|\.(?:\s+\p{Lu}|\s*$)|$)/su.exec(text.slice(from))?.[0] ?? ''
}

/**
 * Shared words an earlier sentence must have with a clause to be telling of its event; one, when
 * the clause points back at a thing already told ("a day after *that meeting*").
 */
const MIN_SHARED_WORDS = 2
const MIN_SHARED_WORDS_DEFINITE = 1

/** The nearest earlier mention whose sentence tells of the clause's event: the most of its words, by stem. */
function toldOf(clause: string, anchors: readonly AnchorDate[]): AnchorDate | undefined {
  const stems = (words: string) =>
    new Set(
      analyse(words)
        .tokens.filter(isContent)
        .map((token) => stem(token.lemma)),
    )
  const wanted = stems(clause)
  const least = /^\s*(?:that|this|the)\s/i.test(clause) ? MIN_SHARED_WORDS_DEFINITE : MIN_SHARED_WORDS
  let best: { anchor: AnchorDate; shared: number } | undefined
  for (const anchor of [...anchors].reverse()) {
    const shared = [...stems(anchor.sentence)].filter((word) => wanted.has(word)).length
    if (shared >= least && shared > (best?.shared ?? 0)) best = { anchor, shared }
  }
  return best?.anchor
}

/** A result's end: chrono types it as optional, but the results it returns carry null when there is none. */
function rangeEnd(result: ParsedResult): ParsedComponents | null | undefined {
  return result.end
}

function overlaps(a: { offset: number; text: string }, start: number, end: number): boolean {
  return a.offset < end && start < a.offset + a.text.length
}

/**
 * Finds the temporal expressions in a passage and resolves each against the article's date:
 * absolute and relative dates (chrono-node), years, "a day after …" against the nearest earlier
 * resolved date, and — unresolved, iso null — vague times ("in recent weeks"), durations ("weeks")
 * and time clauses ("after U.S.-China tensions escalated").
 */
export function annotateDates(text: string, context: DateContext): TemporalMention[] {
  const mentions: TemporalMention[] = []
  const taken = (start: number, end: number) => mentions.some((mention) => overlaps(mention, start, end))
  const add = (mention: TemporalMention) => {
    if (!taken(mention.offset, mention.offset + mention.text.length)) mentions.push(mention)
  }
  const reference = referenceDate(context.reference)

  for (const match of text.matchAll(VAGUE)) add({ text: match[0], iso: null, offset: match.index, kind: 'vague' })
  const relatives = [...text.matchAll(EVENT_RELATIVE)].filter((match) => !taken(match.index, match.index + match[0].length))
  const reserved = (start: number, end: number) => relatives.some((match) => match.index < end && start < match.index + match[0].length)

  for (const result of newsCalendar.parse(text, reference ?? undefined)) {
    if (/^(now|today|tonight|second|sec)$/i.test(result.text.trim()) || reserved(result.index, result.index + result.text.length)) continue
    const start = result.start
    const unit = start.isCertain('day') || start.isCertain('weekday') ? 'day' : start.isCertain('month') ? 'month' : start.isCertain('year') ? 'year' : null
    // Without the article's own date only a stated year anchors a date: never today's.
    const relative = !start.isCertain('year') || !start.isCertain('month') || rangeEnd(result) !== null
    // Nor does a relative date resolve finer than the article's own date ("this week" in an article known only by its month).
    const finerThanReference = relative && unit !== null && context.reference !== null && PRECISION_RANK[unit] > PRECISION_RANK[isoPrecision(context.reference)]
    const resolvable = unit !== null && !finerThanReference && (reference !== null || /\b(1[89]|20)\d{2}\b/.test(result.text))
    const end = result.end && resolvable ? precisionIso(result.end.date(), 'day') : null
    // "left the tracks at about 6:48 p.m.": a time of day is on the day its paragraph names, or else
    // on the day the article's lead gives its news (never a later paragraph's day: news is not told in order).
    if (unit === null && start.isCertain('hour')) {
      if (!CLOCK_TIME.test(result.text)) continue
      const isDay = (mention: DateMention) => mention.iso !== null && isoPrecision(mention.iso) === 'day'
      const day = mentions.filter((mention) => mention.offset < result.index && isDay(mention)).at(-1) ?? context.earlier.find(isDay)
      add({ text: result.text.replace(/[,\s]+$/, ''), iso: day?.iso ?? null, offset: result.index, kind: 'relative', basis: day?.text })
      continue
    }
    add({
      text: result.text.replace(/[,\s]+$/, ''),
      iso: resolvable ? precisionIso(start.date(), unit) : null,
      ...(end && end !== precisionIso(start.date(), 'day') ? { until: end } : {}),
      offset: result.index,
      kind: relative && !/\d/.test(result.text) ? 'relative' : 'date',
      basis: resolvable && relative ? 'article date' : undefined,
    })
  }

  const sentenceOf = (offset: number) => {
    const bounds = context.sentences?.find((sentence) => sentence.start <= offset && offset < sentence.end)
    const start = bounds?.start ?? text.slice(0, offset).search(/[^.!?]*$/)
    return { start, text: text.slice(start, bounds?.end ?? text.length) }
  }
  for (const match of relatives) {
    // "the next day" is a day later than the last date told, as "a day later" is.
    const [phrase, counted = '', countedUnit = '', countedRelation = '', order = '', orderedUnit = ''] = match
    const [amount, unit, relation] = order ? ['one', orderedUnit, /next|following/i.test(order) ? 'later' : 'earlier'] : [counted, countedUnit, countedRelation]
    // "the week before the vote" is the days leading up to it, no one day; "the day before" is one.
    const count = amount.toLowerCase() === 'the' ? (unit.toLowerCase() === 'day' ? 1 : NaN) : (WORD_NUMBERS[amount.toLowerCase()] ?? Number(amount))
    const direction = /after|later/i.test(relation) ? 1 : -1
    const opensClause = /after|before/i.test(relation)
    const earlierHere = mentions.filter((m) => m.iso && m.offset < match.index).sort((a, b) => a.offset - b.offset)
    // "A judge on Friday blocked …, three days after the council approved it": the sentence dates its
    // own event, so the phrase dates the clause it opens — three days before Friday.
    const sentenceStart = sentenceOf(match.index).start
    const dated = opensClause ? earlierHere.filter((m) => !m.datesClause && m.offset >= sentenceStart).at(-1) : undefined
    if (dated?.iso && Number.isFinite(count)) {
      const iso = shift(dated.iso, -direction * count, unit.toLowerCase())
      add({ text: phrase, iso, offset: match.index, kind: 'relative', basis: iso ? dated.text : undefined, datesClause: true })
      continue
    }
    // "fell ill a day after officials met to discuss China" is a day after the meeting the article dated
    // earlier; "two days later", after the last date told.
    const anchors: AnchorDate[] = [...context.earlier, ...earlierHere.map((m) => ({ ...m, sentence: sentenceOf(m.offset).text }))]
    const before = opensClause ? toldOf(clauseAfter(text, match.index + phrase.length), anchors) : anchors.at(-1)
    const iso = before?.iso && Number.isFinite(count) ? shift(before.iso, direction * count, unit.toLowerCase()) : null
    add({ text: phrase, iso, offset: match.index, kind: 'relative', basis: iso ? before?.text : undefined })
  }

  for (const match of text.matchAll(YEAR)) add({ text: match[0], iso: match[0], offset: match.index, kind: 'date' })
  for (const match of text.matchAll(CLAUSE)) add({ text: match[0], iso: null, offset: match.index, kind: 'clause' })
  for (const match of text.matchAll(DURATION)) add({ text: match[0], iso: null, offset: match.index, kind: 'duration' })

  return mentions.sort((a, b) => a.offset - b.offset)
}
