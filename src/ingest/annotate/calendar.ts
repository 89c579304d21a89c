import * as chrono from 'chrono-node'
import type { ParsingComponents, ParsingContext, ParsingResult } from 'chrono-node'

/** A day of the year, given the year: fixed dates and "the nth weekday of a month". */
type DayRule = (year: number) => { month: number; day: number }

function nthWeekday(year: number, month: number, weekday: number, nth: number): { month: number; day: number } {
  const first = new Date(year, month - 1, 1).getDay()
  const day = 1 + ((weekday - first + 7) % 7) + (nth - 1) * 7
  return { month, day }
}

function lastWeekday(year: number, month: number, weekday: number): { month: number; day: number } {
  const last = new Date(year, month, 0)
  return { month, day: last.getDate() - ((last.getDay() - weekday + 7) % 7) }
}

/** U.S. and Western holidays news copy names without a date. */
const HOLIDAYS: [RegExp, DayRule][] = [
  [/christmas\s+eve/i, () => ({ month: 12, day: 24 })],
  [/christmas(?:\s+day)?/i, () => ({ month: 12, day: 25 })],
  [/new\s+year['’]?s\s+eve/i, () => ({ month: 12, day: 31 })],
  [/new\s+year['’]?s(?:\s+day)?/i, () => ({ month: 1, day: 1 })],
  [/independence\s+day|(?:the\s+)?fourth\s+of\s+july/i, () => ({ month: 7, day: 4 })],
  [/thanksgiving(?:\s+day)?/i, (year) => nthWeekday(year, 11, 4, 4)],
  [/labor\s+day/i, (year) => nthWeekday(year, 9, 1, 1)],
  [/memorial\s+day/i, (year) => lastWeekday(year, 5, 1)],
  [/martin\s+luther\s+king(?:\s+jr\.?)?\s+day/i, (year) => nthWeekday(year, 1, 1, 3)],
  [/valentine['’]?s\s+day/i, () => ({ month: 2, day: 14 })],
  [/halloween/i, () => ({ month: 10, day: 31 })],
]

const HOLIDAY_PATTERN = new RegExp(`\\b(${HOLIDAYS.map(([pattern]) => pattern.source).join('|')})(?:\\s+((?:19|20)\\d{2}))?\\b`, 'i')

const DAY_MS = 86_400_000

/** The holiday's date in the year given, or else in the year that puts it nearest the reference date. */
const holidayParser: chrono.Parser = {
  pattern: () => HOLIDAY_PATTERN,
  extract(context: ParsingContext, match: RegExpMatchArray): ParsingComponents {
    const name = match[1] ?? ''
    const holiday = HOLIDAYS.find(([pattern]) => new RegExp(`^(?:${pattern.source})$`, 'i').test(name))
    if (!holiday) throw new Error(`holiday parser: no rule for "${name}"`)
    const [, rule] = holiday
    const components = context.createParsingComponents()
    const stated = match.at(-1) ? Number(match.at(-1)) : null
    const reference = context.refDate
    const candidates = stated ? [stated] : [reference.getFullYear() - 1, reference.getFullYear(), reference.getFullYear() + 1]
    const nearest = candidates
      .map((year) => ({ year, ...rule(year) }))
      .sort(
        (a, b) =>
          Math.abs(new Date(a.year, a.month - 1, a.day).getTime() - reference.getTime()) -
          Math.abs(new Date(b.year, b.month - 1, b.day).getTime() - reference.getTime()),
      )[0]
    if (!nearest) throw new Error(`holiday parser: no candidate year for "${name}"`)
    components.assign('month', nearest.month).assign('day', nearest.day)
    if (stated) components.assign('year', stated)
    else components.imply('year', nearest.year)
    return components
  },
}

/** "earlier in the day", "later today", "this morning": the reference day itself. */
const sameDayParser: chrono.Parser = {
  pattern: () => /\b(?:(?:earlier|later)\s+(?:in\s+the\s+day|today)|this\s+(?:morning|afternoon|evening))\b/i,
  extract(context: ParsingContext): ParsingComponents {
    const day = context.refDate
    return context
      .createParsingComponents()
      .imply('year', day.getFullYear())
      .assign('month', day.getMonth() + 1)
      .assign('day', day.getDate())
  },
}

/** "last week", "this week", "next week": the whole week, Monday to Sunday, not one day. */
const weekRefiner: chrono.Refiner = {
  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    for (const result of results) {
      const which = /\b(last|this|next|past|previous|coming)\s+week\b/i.exec(result.text)?.[1]?.toLowerCase()
      if (!which || result.end) continue
      // Counted from the reference day's own Monday-to-Sunday week (chrono's weeks start on Sunday).
      const shift = which === 'this' ? 0 : which === 'next' || which === 'coming' ? 1 : -1
      const day = context.refDate
      const monday = new Date(day.getTime() - ((day.getDay() + 6) % 7) * DAY_MS + shift * 7 * DAY_MS)
      const sunday = new Date(monday.getTime() + 6 * DAY_MS)
      result.start = context
        .createParsingComponents()
        .assign('year', monday.getFullYear())
        .assign('month', monday.getMonth() + 1)
        .assign('day', monday.getDate())
      result.end = context
        .createParsingComponents()
        .assign('year', sunday.getFullYear())
        .assign('month', sunday.getMonth() + 1)
        .assign('day', sunday.getDate())
    }
    return results
  },
}

const FUTURE = /\b(?:will|would|shall|plans?|planned|planning|expects?|expected\s+to|set\s+(?:to|for)|next|upcoming|coming|scheduled)\b|'ll\b/i

/**
 * Irregular past forms news copy tells events with: a closed class of English (regular ones end
 * in -ed; "said" is left out, being the attribution's).
 */
const IRREGULAR_PAST =
  /\b(?:died|went|came|took|left|fell|began|found|made|gave|got|sent|spent|met|held|lost|paid|sold|brought|bought|saw|ran|hit|shut|put|cut|set|led|fled|rose|struck|told|wrote|broke|became|won|kept|felt|heard|meant|stood|sat|drove|flew|grew|knew|threw|chose|spoke|stole|wore|quit)\b/gi

/** A sentence telling of the past (its own verbs, not the "said" of attribution), with no sign of the future. */
function pastTense(sentence: string): boolean {
  // "to put the measure on the ballot": an infinitive, whatever its form, tells of no past.
  const irregular = [...sentence.matchAll(IRREGULAR_PAST)].some((match) => !/\bto\s+$/i.test(sentence.slice(0, match.index)))
  return (/\b(?:was|were|had|did|ha(?:s|ve) been|\w{3,}ed)\b/i.test(sentence) || irregular) && !FUTURE.test(sentence)
}

/**
 * The clause of a mention: from the last word that opens a clause before it in its sentence
 * ("… before *the new tax law takes effect on Jan. 1*", "… and *the agency added two trains,
 * including Train 512, in March*") to a little after it.
 */
function clauseAround(text: string, start: number, mentionEnd: number): string {
  // The mention as chrono reads it may take the comma after it ("Thursday,"): the clause ends there.
  const end = start + text.slice(start, mentionEnd).replace(/[\s,;:.]+$/, '').length
  const sentence = sentenceAround(text, start)
  const at = text.indexOf(sentence)
  const before = text.slice(at, start)
  const opener = [...before.matchAll(CLAUSE_OPENER)].at(-1)
  const from = opener ? at + opener.index + opener[0].length : at
  // … and up to the next clause: "said Tuesday that her office will conduct a review" tells of Tuesday in the past.
  const reach = text.slice(end, Math.min(at + sentence.length, end + CLAUSE_REACH))
  const next = reach.search(CLAUSE_OPENER)
  return text.slice(from, end + (next >= 0 ? next : reach.length))
}

/** "to hold a hearing": an infinitive with its object. */
const INFINITIVE = /\bto\s+\p{Ll}+\s+(?:a|an|the|its|their|his|her|our)\b/gu

/** "had agreed to hold a hearing … on Nov. 4": a time after an infinitive is its event's, and the infinitive tells of no past. */
function infinitiveOf(clause: string, mention: string): string {
  const at = clause.indexOf(mention)
  const last = [...clause.matchAll(INFINITIVE)].filter((match) => at < 0 || match.index < at).at(-1)
  return last ? clause.slice(last.index) : clause
}

const CLAUSE_OPENER = /\b(?:before|after|when|because|while|since|until|unless|although|though|that|which|who|and|but)\b|;/gi

const CLAUSE_REACH = 40

/** The sentence of `text` around position `at`. */
function sentenceAround(text: string, at: number): string {
  const start = Math.max(text.lastIndexOf('. ', at) + 1, 0)
  const end = text.indexOf('. ', at)
  return text.slice(start, end < 0 ? undefined : end)
}

/**
 * A month or day without a year is the occurrence nearest the article's date ("takes effect on
 * Jan. 1" in a late-December story is the coming January), except that in a sentence telling of
 * the past it is never after the article ("in December" in an October story, told in the past
 * tense, is the December before).
 */
const pastYearRefiner: chrono.Refiner = {
  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    for (const result of results) {
      const { start } = result
      if (start.isCertain('year') || !start.isCertain('month') || result.end) continue
      const year = start.get('year') ?? context.refDate.getFullYear()
      const past = pastTense(infinitiveOf(clauseAround(context.text, result.index, result.index + result.text.length), result.text))
      // Of last year's, this year's and next year's, the nearest to the article ("takes effect on Jan. 1" in a December
      // story is next January) — but never after it in a sentence that tells of the past.
      const options = [year - 1, year, year + 1].map((candidate) => {
        start.imply('year', candidate)
        return { year: candidate, date: start.date() }
      })
      const allowed = past ? options.filter((option) => option.date <= context.refDate) : options
      const nearest = allowed.sort((a, b) => Math.abs(a.date.getTime() - context.refDate.getTime()) - Math.abs(b.date.getTime() - context.refDate.getTime()))[0]
      start.imply('year', nearest?.year ?? year)
    }
    return results
  },
}

/**
 * What chrono reads as a day but is none: how long something lasted ("for two weeks", "within
 * nine minutes"), a span shorter than a day counted from the article's date ("four seconds before
 * the derailment"), and a weekday in general ("on a typical weekday").
 */
const notADayRefiner: chrono.Refiner = {
  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    const lasting = /(?:^|\s)(?:for|over|during|within)(?:\s+the)?\s*$/i
    const amount = /\b(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|few)\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b/i
    const underADay = /\b(?:seconds?|minutes?|hours?)\b/i
    const isDuration = (result: ParsingResult) =>
      amount.test(result.text) &&
      (/^(?:for|over|during|within)\s/i.test(result.text) || lasting.test(context.text.slice(Math.max(0, result.index - 12), result.index)))
    const isNoDay = (result: ParsingResult) =>
      isDuration(result) || (amount.test(result.text) && underADay.test(result.text)) || /^weekdays?$/i.test(result.text.trim())
    return results.filter((result) => !isNoDay(result))
  },
}

const DAY_MS_WEEK = 7 * DAY_MS

/**
 * A weekday alone is the nearest one to the article's date, except that a clause telling of the
 * past never puts it after the article ("She died Sunday", in a Thursday story, is four days
 * before), nor one telling of the future before it ("will meet Monday").
 */
/** A weekday right after the verb of saying ("said Thursday"), or set off before its sayer ("Thursday, the CEO said"). */
const SAID_BEFORE = /\b(?:said|told|announced)\s+(?:on\s+)?$/i
const SAID_AFTER = /^,\s+(?:[\p{L}.’'-]+\s+){1,5}(?:said|told|announced)\b/u

const weekdayRefiner: chrono.Refiner = {
  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    for (const result of results) {
      const { start } = result
      if (!start.isCertain('weekday') || start.isCertain('day') || result.end) continue
      const clause = clauseAround(context.text, result.index, result.index + result.text.length)
      // "since Sunday night" reaches back from now, whatever the verb.
      const since = /\bsince\s+$/i.test(context.text.slice(Math.max(0, result.index - 8), result.index))
      // "said Thursday", "In a call Thursday, CEO Karen Vollmer said …": the day of the saying, which is past.
      const after = context.text.slice(result.index + result.text.length)
      const saying =
        SAID_BEFORE.test(context.text.slice(Math.max(0, result.index - 12), result.index)) || SAID_AFTER.test(`${result.text.endsWith(',') ? ',' : ''}${after}`)
      // "went to court on Tuesday to block the planned acquisition": the verb before the day tells its tense, not a word after it.
      const lead = clause.slice(0, Math.max(0, clause.indexOf(result.text)))
      const toldPast = pastTense(lead)
      const date = start.date()
      const reference = context.refDate.getTime()
      const moved =
        (since || saying || toldPast || pastTense(clause)) && date.getTime() > reference + DAY_MS / 2
          ? new Date(date.getTime() - DAY_MS_WEEK)
          : !saying && !toldPast && FUTURE.test(clause) && date.getTime() < reference - DAY_MS / 2
            ? new Date(date.getTime() + DAY_MS_WEEK)
            : null
      if (!moved) continue
      start.imply('year', moved.getFullYear())
      start.imply('month', moved.getMonth() + 1)
      start.imply('day', moved.getDate())
    }
    return results
  },
}

/**
 * "election night on Nov. 4", "morning of Oct. 3", "night, Nov. 4": chrono reads the part of the day and loses the
 * date after it; the date is the one the rest names.
 */
const partOfDayRefiner: chrono.Refiner = {
  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    for (const result of results) {
      const rest = /^(?:morning|afternoon|evening|night)(?:\s+on|\s+of|,)\s+(.+)$/i.exec(result.text)?.[1]
      if (!rest || result.start.isCertain('month')) continue
      const [day] = chrono.casual.parse(rest, context.refDate)
      if (!day?.start.isCertain('month')) continue
      for (const component of ['year', 'month', 'day'] as const) {
        const value = day.start.get(component)
        if (value === null) continue
        if (day.start.isCertain(component)) result.start.assign(component, value)
        else result.start.imply(component, value)
      }
    }
    return results
  },
}

/** "between Jan. 22 and Feb. 26": one span, as chrono reads "from Jan. 22 to Feb. 26". */
const betweenRefiner: chrono.Refiner = {
  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    const merged: ParsingResult[] = []
    for (let i = 0; i < results.length; i++) {
      const first = results[i]
      const second = results[i + 1]
      if (!first) continue
      const gap = second ? context.text.slice(first.index + first.text.length, second.index) : ''
      const opens = /\bbetween\s+$/i.test(context.text.slice(Math.max(0, first.index - 9), first.index))
      const ordered = second !== undefined && second.start.date() >= first.start.date()
      if (second && ordered && opens && /^\s+and\s+$/i.test(gap) && !first.end && !second.end) {
        first.end = second.start
        first.text = context.text.slice(first.index, second.index + second.text.length)
        i++
      }
      merged.push(first)
    }
    return merged
  },
}

/** chrono-node's casual English, taught news copy's holidays, same-day phrases, a part of a named day, week ranges, past-tense weekdays and months, and what is no day. */
export const newsCalendar: chrono.Chrono = (() => {
  const parser = chrono.casual.clone()
  parser.parsers.unshift(holidayParser, sameDayParser)
  parser.refiners.push(partOfDayRefiner, notADayRefiner, weekRefiner, weekdayRefiner, pastYearRefiner, betweenRefiner)
  return parser
})()
