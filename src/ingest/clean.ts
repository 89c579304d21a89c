import * as chrono from 'chrono-node'
import { endsLikeSentence, type Span, splitParagraphs, trimSpan } from './segment.js'
import type { RemovedText } from './types.js'

/** Page furniture: whole lines that are navigation, widgets or labels, never article text. */
const FURNITURE = new Set([
  'share',
  'share this',
  'share this article',
  'print',
  'click here to print',
  'download',
  'download the article',
  'text size',
  'reading time',
  'newsletter',
  'subscribe',
  'sign up',
  'sign in',
  'log in',
  'login',
  'register',
  'related articles',
  'related',
  'related stories',
  'read more',
  'more stories',
  'most read',
  'most popular',
  'trending',
  'you may also like',
  'recommended',
  'advertisement',
  'sponsored',
  'comments',
  'comments are closed',
  'leave a comment',
  'leave a reply',
  'close',
  'menu',
  'search',
  'skip to content',
  'back to top',
  'tags',
  'topics',
  'follow us',
  'home',
  'next',
  'previous',
  'published',
  'updated',
  'by',
  'listen',
  'watch',
  'loading',
  'this article is more than 1 year old',
  'all rights reserved',
])

/** Words that mark a job listing line ("Permanent · City"). */
const JOB_LISTING = /(^|\s)(permanent|full[- ]time|part[- ]time|temporary|contract|freelance|internship)\s*[·•|]/i

const CAPTION = /\b(image|photo|photograph|picture|pictured|credit|illustration|file photo|source|video)s?\s*:\s*\S/i
const CAPTION_CREDIT = /\((photo|image|picture|credit)s?\b[^)]*\)|getty images|\bAFP via\b/i
const COPYRIGHT = /^\s*(©|\(c\)|copyright\b)|all rights reserved/i
/** A page's call to action, addressed to the reader: "Sign up for Ledger Alerts …", "Subscribe to …", "Follow us on …". */
const CALL_TO_ACTION =
  /^(?:sign up|subscribe|follow us|follow \S+ on|download (?:our|the)|get (?:our|the) (?:app|newsletter)|click here|read more|join (?:our|us)|support (?:our|local) journalism|share (?:this|your))\b/i
/** A closing credit to other reporters: "Associated Press writers A and B contributed to this report." */
const CONTRIBUTOR_CREDIT = /\bcontributed (?:to this (?:report|story|article)|reporting|from \p{Lu})|^(?:additional )?reporting by\b/iu
/** "This Western Press Wire story has been edited for length by the Ledger": how the page was made, not what it reports (a correction is kept). */
const PRODUCTION_NOTE =
  /^this\b[^.]{0,60}\b(?:story|article|report|piece)\b[^.]{0,40}\b(?:has been|was)\s+(?:edited|updated|condensed|shortened|translated|produced)\b(?![^.]*\bcorrect)/i
const REPRINT_NOTE = /\b(originally (published|appeared)|reprinted with (the )?permission|republished (with|under)|first appeared (on|in))\b/i
const BYLINE_LINE = /^by\s+([A-Z][\w.'’-]*\.?)(\s+[A-Z][\w.'’-]*\.?){0,3}((\s*,\s*|\s+(and|&)\s+)([A-Z][\w.'’-]*\.?)(\s+[A-Z][\w.'’-]*\.?){0,3})*$/
/** A trailing credit on the last body paragraph: "— Reported by A and B, (c) 2020 Bloomberg LP". */
const TRAILING_CREDIT =
  /\s*[—–-]{1,2}\s*((additional )?reporting|reported|written|writing|editing|edited|compiled) by\b[^]*$|\s*\(\s*((additional )?reporting|writing|editing|compiled|edited|reported) by\b[^()]*\)\s*$|\s*(©|\(c\))\s*(19|20)\d{2}\b[^]*$/i
/** A dateline's place in capitals, with a date or a region after a comma: "WASHINGTON, Oct 7", "SPOKANE, Wash.", "NEW YORK, N.Y.". */
export const DATELINE_PLACE = String.raw`[A-Z][A-Z .,'’-]{2,40}(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|[A-Z][A-Za-z.]{1,14}))?`

/** A leading dateline: "WASHINGTON (Reuters) - ", "WASHINGTON, Oct 7 (Reuters) -", "SPOKANE, Wash. (AP) —", "(CNN) —". */
export const LEADING_DATELINE = new RegExp(String.raw`^(?:${DATELINE_PLACE}(\s*\([A-Za-z .]+\))?|\([A-Za-z .]+\))\s*[—–-]{1,2}\s+(?=[A-Z“"])`)

const MIN_BODY_WORDS = 6

function words(text: string): string[] {
  return text.split(/\s+/).filter((word) => /\p{L}|\p{N}/u.test(word))
}

/** True when most words are capitalised, as in a headline or a masthead. */
function isTitleCase(text: string): boolean {
  const list = words(text).filter((word) => /^\p{L}/u.test(word))
  // "… Keisha Dunbar and Roy Kettering voted no.": a sentence full of names ends on a word of its own, as no headline does.
  if (list.length < 3 || /\s\p{Ll}+\.$/u.test(text.trim())) return false
  const minor = /^(a|an|the|and|or|of|in|on|at|to|for|by|with|as|from|over|after|amid|into|vs\.?)$/i
  const major = list.filter((word) => !minor.test(word))
  return major.length > 0 && major.filter((word) => /^\p{Lu}/u.test(word)).length / major.length >= 0.8
}

/** True when the whole line is a date (a masthead or display date, not a sentence). */
function isBareDate(text: string): boolean {
  const found = chrono.parse(text)
  const covered = found.reduce((sum, result) => sum + result.text.length, 0)
  return found.length > 0 && covered >= text.replace(/[\s,.]/g, '').length * 0.6
}

/**
 * Names the noise rule a paragraph breaks, or returns null for article text.
 * `seen` counts how often each line occurs in the page (repeated headlines).
 */
export function noiseRule(text: string, seen: ReadonlyMap<string, number>): string | null {
  const line = text.trim()
  const bare = line.toLowerCase().replace(/[.!:…\s]+$/, '')
  if (FURNITURE.has(bare)) return 'navigation'
  if (COPYRIGHT.test(line)) return 'copyright'
  if (REPRINT_NOTE.test(line) && words(line).length < 30) return 'reprint note'
  if (PRODUCTION_NOTE.test(line) && words(line).length < 30) return 'production note'
  if (CONTRIBUTOR_CREDIT.test(line) && words(line).length < 40) return 'credit line'
  if (CALL_TO_ACTION.test(line) && words(line).length < 25) return 'call to action'
  if (JOB_LISTING.test(line)) return 'job listing'
  if ((CAPTION.test(line) || CAPTION_CREDIT.test(line)) && words(line).length < 30) return 'image caption'
  if (BYLINE_LINE.test(line)) return 'byline'
  if ((seen.get(line) ?? 0) > 1 && words(line).length < 30) return 'repeated line'
  if (isBareDate(line)) return 'display date'
  if (/(\.\.\.|…)$/.test(line) && words(line).length < 30) return 'truncated headline'
  if (isTitleCase(line) && words(line).length < 30) return 'headline'
  if (!endsLikeSentence(line) || words(line).length < MIN_BODY_WORDS) {
    return words(line).length <= 3 ? 'navigation' : 'fragment'
  }
  return null
}

export interface CleanResult {
  /** Body paragraphs, trimmed of credits and datelines; each a verbatim slice of the file. */
  paragraphs: Span[]
  removed: RemovedText[]
}

/**
 * Separates article body paragraphs from page noise using general rules: navigation words,
 * headlines and runs of unrelated headlines, display dates, job listings, captions, copyright
 * and reprint lines, bylines, and trailing credits / leading datelines inside body paragraphs.
 */
export function cleanPage(file: string): CleanResult {
  const paragraphs = splitParagraphs(file)
  const seen = new Map<string, number>()
  for (const paragraph of paragraphs) seen.set(paragraph.text.trim(), (seen.get(paragraph.text.trim()) ?? 0) + 1)

  const rules = paragraphs.map((paragraph) => {
    const credits: RemovedText[] = []
    const body = stripCredits(paragraph, credits)
    return { paragraph, body, credits, rule: noiseRule(body.text, seen) }
  })
  const kept: Span[] = []
  const removed: RemovedText[] = []
  rules.forEach((entry, i) => {
    const rule = entry.rule ?? (inHeadlineList(file, rules, i) ? 'headline list' : null)
    if (rule) removed.push({ text: entry.paragraph.text, rule })
    else {
      kept.push(entry.body)
      removed.push(...entry.credits)
    }
  })
  const body = kept.filter((span) => span.text.length > 0)
  const briefs = appendedBriefs(body)
  for (const brief of briefs) removed.push({ text: brief.text, rule: 'appended brief' })
  const [first] = rules
  const title = first?.rule && restates(body[0]?.text ?? '', first.paragraph.text) ? removed[0] : undefined
  return { paragraphs: body.slice(0, body.length - briefs.length), removed: removed.filter((item) => item !== title) }
}

/** A line folded for comparison: case, spacing and closing punctuation ignored. */
function bareLine(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s.!:…]+$/, '')
}

/**
 * The lead paragraph opens by restating the page's first line word for word (an agency bulletin
 * whose headline is its one sentence): that line is the article's own text given twice, not page
 * noise. It stays out of the passages, since the lead carries its words, and off the list of noise.
 */
function restates(lead: string, line: string): boolean {
  const title = bareLine(line.trim())
  return words(title).length >= MIN_BODY_WORDS && bareLine(lead.trim()).startsWith(title)
}

/** Capitalised words inside sentences (not opening them): the names a paragraph is about. */
function namesIn(text: string): Set<string> {
  return new Set([...text.matchAll(/(?<=[\p{L}\p{N},;:'’"”)]\s+)\p{Lu}[\p{L}’'-]+/gu)].map((match) => match[0].replace(/['’]s$/, '')))
}

const BRIEF_MAX_WORDS = 60

/**
 * Short items about other events appended to a page ("In other news …"): a run of two or more
 * short paragraphs at the end of a longer page that share no name and at most one topic word with the
 * paragraphs before them.
 */
function appendedBriefs(body: Span[]): Span[] {
  if (body.length < 6) return []
  const briefs: Span[] = []
  for (let end = body.length; end > 0; end--) {
    const span = body[end - 1]
    if (!span) break
    const rest = body.slice(0, end - 1).map((each) => each.text)
    const restNames = new Set(rest.flatMap((text) => [...namesIn(text)]))
    const restWords = new Set(rest.flatMap(longWords))
    const names = namesIn(span.text)
    const sharedWords = new Set(longWords(span.text).filter((word) => restWords.has(word)))
    // Someone quoted speaking is the article's own reporting (a closing vox pop), not a brief.
    const quotesSomeone = /[“"]/.test(span.text)
    const unrelated =
      words(span.text).length < BRIEF_MAX_WORDS && names.size > 0 && ![...names].some((name) => restNames.has(name)) && sharedWords.size <= 1 && !quotesSomeone
    if (!unrelated) break
    briefs.unshift(span)
  }
  return briefs.length >= 2 && briefs.length < body.length / 2 ? briefs : []
}

/** The longer lower-case words of a text, which carry its topic. */
function longWords(text: string): string[] {
  return text.toLowerCase().match(/\p{L}{5,}/gu) ?? []
}

const LIST_RULES = new Set(['headline', 'fragment', 'repeated line'])

/**
 * A sentence-like line standing in a run of headlines (one per line, no blank lines between)
 * belongs to the list, not to the article: a link list such as "Related Articles". A line as long
 * as a paragraph is one, whatever stands around it (a page may put no blank lines between any).
 */
function inHeadlineList(file: string, entries: { paragraph: Span; rule: string | null }[], i: number): boolean {
  const [before, here, after] = [entries[i - 1], entries[i], entries[i + 1]]
  const adjacent = (a: Span, b: Span) => !/\n\s*\n|\r\s*\r/.test(file.slice(a.end, b.start))
  return Boolean(
    here &&
    words(here.paragraph.text).length < 30 &&
    before &&
    after &&
    LIST_RULES.has(before.rule ?? '') &&
    LIST_RULES.has(after.rule ?? '') &&
    adjacent(before.paragraph, here.paragraph) &&
    adjacent(here.paragraph, after.paragraph),
  )
}

function stripCredits(paragraph: Span, removed: RemovedText[]): Span {
  let span = paragraph
  const credit = TRAILING_CREDIT.exec(span.text)
  if (credit && credit.index > 0) {
    removed.push({ text: credit[0].trim(), rule: 'credit line' })
    span = trimSpan({ start: span.start, end: span.start + credit.index, text: span.text.slice(0, credit.index) })
  }
  const dateline = LEADING_DATELINE.exec(span.text)
  if (dateline) {
    removed.push({ text: dateline[0].trim(), rule: 'dateline' })
    const cut = dateline[0].length
    span = { start: span.start + cut, end: span.end, text: span.text.slice(cut) }
  }
  return span
}
