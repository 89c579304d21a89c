import type { Sentence } from './types.js'

/** A span of the original file: `text === file.slice(start, end)`. */
export interface Span {
  start: number
  end: number
  text: string
}

/** Splits a file into lines (without their line breaks), keeping offsets. Handles \n, \r\n and \r. */
export function splitLines(file: string): Span[] {
  const lines: Span[] = []
  const breaks = /\r\n|\n|\r/g
  let start = 0
  for (let match = breaks.exec(file); match; match = breaks.exec(file)) {
    lines.push({ start, end: match.index, text: file.slice(start, match.index) })
    start = match.index + match[0].length
  }
  lines.push({ start, end: file.length, text: file.slice(start) })
  return lines
}

const TERMINAL = /[.!?…:;]["'”’)\]]*\s*$/

/** True when a line ends the way a sentence does. */
export function endsLikeSentence(text: string): boolean {
  return TERMINAL.test(text)
}

/**
 * A block whose lines were wrapped at a fixed width (e-mail or plain-text style): most lines are
 * close to the longest one, which itself is short.
 */
function looksHardWrapped(block: Span[]): boolean {
  if (block.length < 3) return false
  const lengths = block.map((line) => line.text.trimEnd().length)
  const widest = Math.max(...lengths)
  if (widest > 100 || widest < 40) return false
  const body = lengths.slice(0, -1)
  const continuesInLowerCase = block.slice(1).some((line) => /^\s*\p{Ll}/u.test(line.text))
  return continuesInLowerCase && body.filter((length) => length >= widest * 0.75).length >= body.length * 0.6
}

function joinSpans(file: string, first: Span, last: Span): Span {
  return { start: first.start, end: last.end, text: file.slice(first.start, last.end) }
}

/**
 * Groups lines into paragraphs. Works for both common layouts: paragraphs separated by blank
 * lines, and one paragraph per line. Lines of one paragraph that were hard-wrapped are joined
 * (the paragraph's text then keeps its line breaks, so it stays a verbatim slice of the file).
 */
export function splitParagraphs(file: string): Span[] {
  const blocks: Span[][] = []
  let current: Span[] = []
  for (const line of splitLines(file)) {
    if (line.text.trim() === '') {
      if (current.length) blocks.push(current)
      current = []
    } else current.push(line)
  }
  if (current.length) blocks.push(current)

  const paragraphs: Span[] = []
  for (const block of blocks) {
    const wrapped = looksHardWrapped(block)
    const widest = Math.max(...block.map((line) => line.text.trimEnd().length))
    // Blocks are never empty: a block is kept only once it has a line.
    let [first] = block
    if (!first) continue
    for (const [i, line] of block.entries()) {
      const next = block[i + 1]
      const continues =
        next !== undefined &&
        (wrapped
          ? !(endsLikeSentence(line.text) && line.text.trimEnd().length < widest * 0.6) && !/^\s{2,}|\t/.test(next.text)
          : !endsLikeSentence(line.text) && /^\s*[a-z(\d$“"]/.test(next.text) && /[a-z,]\s*$/.test(line.text))
      if (!continues) {
        paragraphs.push(trimSpan(joinSpans(file, first, line)))
        if (next) first = next
      }
    }
  }
  return paragraphs.filter((paragraph) => paragraph.text.length > 0)
}

/** Narrows a span to exclude leading and trailing white space. */
export function trimSpan(span: Span): Span {
  const leading = span.text.length - span.text.trimStart().length
  const trailing = span.text.length - span.text.trimEnd().length
  const start = span.start + leading
  const end = span.end - trailing
  return { start, end: Math.max(start, end), text: span.text.slice(leading, span.text.length - trailing) }
}

/** Abbreviations that end with a period without ending the sentence. */
const ABBREVIATIONS = new Set(
  [
    'mr',
    'mrs',
    'ms',
    'dr',
    'prof',
    'sen',
    'rep',
    'gov',
    'gen',
    'col',
    'lt',
    'sgt',
    // AP style's other abbreviated titles.
    'capt',
    'cmdr',
    'adm',
    'maj',
    'cpl',
    'pvt',
    'det',
    'insp',
    'supt',
    'atty',
    'st',
    'jr',
    'sr',
    'rev',
    'hon',
    'inc',
    'ltd',
    'co',
    'corp',
    'plc',
    'llc',
    'no',
    'vs',
    'etc',
    'approx',
    'dept',
    'est',
    'fig',
    'vol',
    'ave',
    'jan',
    'feb',
    'mar',
    'apr',
    'jun',
    'jul',
    'aug',
    'sep',
    'sept',
    'oct',
    'nov',
    'dec',
    'mon',
    'tue',
    'tues',
    'wed',
    'thu',
    'thur',
    'thurs',
    'fri',
    'sat',
    'sun',
  ].map((word) => word.toLowerCase()),
)

/** Words that, after an abbreviation such as "U.S.", show a new sentence has begun. */
const SENTENCE_STARTERS = new Set([
  'the',
  'a',
  'an',
  'it',
  'its',
  'he',
  'she',
  'they',
  'we',
  'i',
  'this',
  'that',
  'these',
  'those',
  'but',
  'and',
  'in',
  'on',
  'at',
  'for',
  'if',
  'when',
  'while',
  'since',
  'as',
  'there',
  'yet',
  'so',
  'however',
  'still',
])

/** Company-like abbreviations that end a sentence when a new sentence plainly starts after them. */
const COMPANY_SUFFIXES = new Set(['inc', 'ltd', 'co', 'corp', 'plc', 'llc', 'etc'])

/**
 * Splits a paragraph into sentences, keeping offsets into the file. Knows abbreviations
 * ("Sept.", "Inc.", "U.S."), decimals ("$29.4"), and closing quotes after the full stop.
 */
export function splitSentences(paragraph: Span): Sentence[] {
  const text = paragraph.text
  const sentences: Sentence[] = []
  const boundary = /[.!?…]+["'”’)\]]*(?=\s+["'“‘([]?[A-Z0-9$£€—–-])/g
  let start = 0
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    const end = match.index + match[0].length
    const before = text.slice(start, match.index + 1)
    const wordBefore = /([A-Za-z][A-Za-z.]*)\.$/.exec(before)?.[1]?.toLowerCase() ?? ''
    const after = /^\s+["'“‘([]?([A-Za-z]+)/.exec(text.slice(end))?.[1] ?? ''
    const startsSentence = SENTENCE_STARTERS.has(after.toLowerCase())
    if (match[0].startsWith('.') && wordBefore) {
      const isInitials = wordBefore.includes('.') || /^[a-z]$/.test(wordBefore)
      if (ABBREVIATIONS.has(wordBefore) && !(COMPANY_SUFFIXES.has(wordBefore) && startsSentence)) continue
      if (isInitials && !startsSentence) continue
    }
    pushSentence(sentences, paragraph, start, end)
    start = end
  }
  pushSentence(sentences, paragraph, start, text.length)
  return sentences
}

function pushSentence(sentences: Sentence[], paragraph: Span, from: number, to: number): void {
  const raw = paragraph.text.slice(from, to)
  const leading = raw.length - raw.trimStart().length
  const trimmed = raw.trim()
  if (!trimmed) return
  const start = paragraph.start + from + leading
  sentences.push({ start, end: start + trimmed.length, text: trimmed })
}
