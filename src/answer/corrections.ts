import type { Passage } from '../ingest/types.js'

/**
 * Outlets' corrections: "Correction: A story in Tuesday's Ledger said Harrowgate notified state
 * banking regulators on March 1. … it notified the state Division of Banking on Feb. 28." The
 * correction's first sentence restates the error; the dates it gives there, and the same dates
 * where any article tells the same claim, are not answers.
 */

/** How a correction or clarification opens, as outlets print them. */
const CORRECTION = /^(?:corrections?|clarifications?|editor['’]s note)\s*[:—–-]|^an earlier version of this (?:story|article|report)\b/i

/** Share of the restated claim's words a sentence must carry to tell the same claim. */
const SAME_CLAIM = 0.6

/** Words of the restatement that frame the error rather than state it. */
const FRAMING = new Set(['story', 'article', 'report', 'version', 'earlier', 'incorrectly', 'wrongly', 'erroneously', 'said', 'say', 'stated', 'reported'])

/** Whether a passage is an outlet's correction of what it printed. */
export function isCorrection(passage: Passage): boolean {
  return CORRECTION.test(passage.text.trim())
}

/** The date mentions a correction in the story says were wrong, as `passage index:date offset`, each with the correction's passage index. */
export function correctedDates(passages: Passage[], lemmasOf: (text: string) => string[]): Map<string, number> {
  const corrected = new Map<string, number>()
  passages.forEach((correction, at) => {
    if (!isCorrection(correction)) return
    const [claim] = correction.sentences
    if (!claim) return
    const claimStart = claim.start - correction.start
    const wrong = correction.dates.filter((date) => date.offset >= claimStart && date.offset < claimStart + claim.text.length)
    if (wrong.length === 0) return
    for (const date of wrong) corrected.set(`${at}:${date.offset}`, at)
    const words = new Set(lemmasOf(claim.text).filter((word) => !FRAMING.has(word) && !/^\d/.test(word)))
    const texts = new Set(wrong.map((date) => date.text.toLowerCase()))
    passages.forEach((passage, index) => {
      if (index === at) return
      for (const sentence of passage.sentences) {
        const start = sentence.start - passage.start
        const dates = passage.dates.filter((date) => date.offset >= start && date.offset < start + sentence.text.length && texts.has(date.text.toLowerCase()))
        if (dates.length === 0) continue
        const told = new Set(lemmasOf(sentence.text))
        const shared = [...words].filter((word) => told.has(word)).length
        if (words.size > 0 && shared / words.size >= SAME_CLAIM) for (const date of dates) corrected.set(`${index}:${date.offset}`, at)
      }
    })
  })
  return corrected
}
