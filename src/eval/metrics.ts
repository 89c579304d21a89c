import { z } from 'zod'
import type { Answer } from '../answer/types.js'
import type { Article } from '../ingest/types.js'

export const questionSchema = z.object({
  id: z.string(),
  command: z.enum(['who', 'when', 'source', 'ask', 'timeline', 'compare', 'outlets']),
  query: z.string(),
  evidence: z.array(z.string()).default([]),
  answer: z.array(z.string()).default([]),
  iso: z.string().default(''),
  articles: z.array(z.string()).default([]),
  unanswerable: z.boolean().default(false),
})
export type Question = z.infer<typeof questionSchema>

/** Folds curly quotes, dashes, spaces and case, so quotes compare as a reader would. */
export function foldQuote(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[‘’ʼ′`]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/[‐-―−]/g, '-')
    .replace(/\s+/g, ' ')
    .toLowerCase()
    .trim()
}

/** Page noise a passage must never contain; independent of the cleaner's own rules. */
const NOISE = [
  /Permanent\s·/,
  /\bImage:/,
  /Comments are closed/i,
  /©/,
  /\(c\)\s*\d{4}/i,
  /All rights reserved/i,
  /Related Articles/,
  /Reported by/,
  /reprinted with permission/i,
  /Download the article/,
  /Text size/,
  /Fashion Jobs/,
  /Reading time/,
  /^\s*(Share|Print|Newsletter|Close)\s*$/m,
  /\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, \w{3} \d{1,2}, \d{4}\b/,
]

/**
 * Whether a removed line is in the passage as a line of its own, where a sentence may start: the
 * site's name removed from the masthead is no noise in "he told Higher Ed Dispatch".
 */
function holdsLine(text: string, line: string): boolean {
  for (let at = text.indexOf(line); at >= 0; at = text.indexOf(line, at + 1)) if (/(?:^|[.!?"”:\n]\s*)$/.test(text.slice(0, at))) return true
  return false
}

/** True when a passage holds page noise: a known marker, or a line the article's cleaner removed. */
export function holdsNoise(text: string, article: Article | undefined): boolean {
  if (NOISE.some((pattern) => pattern.test(text))) return true
  return Boolean(article?.removed.some((item) => item.text.trim().length >= 12 && holdsLine(text, item.text.trim())))
}

export interface Outcome {
  question: Question
  answer: Answer
}

export interface Report {
  questions: number
  evidence_at_1: number
  evidence_at_3: number
  short_answer_accuracy: number
  /** Share of the who/when short answers given that are wrong (a refusal or no short answer is not wrong). */
  wrong_short_answers: number
  source_recall: number
  source_precision: number
  unanswerable_refused: number
  answerable_refused: number
  noisy_passages: number
  miscredited_passages: number
  failures: { id: string; command: string; query: string; problems: string[] }[]
}

const share = (hits: number, total: number) => (total === 0 ? 1 : Math.round((hits / total) * 1000) / 1000)

/**
 * Scores answers against gold questions: evidence@1/@3, who/when short answers (the answer
 * contains a gold variant, or the date equals the gold ISO date), source recall/precision over
 * article ids, refusals, noise and credits.
 */
export function score(outcomes: Outcome[], articles: Map<string, Article>, files: Map<string, string>): Report {
  const count = {
    evidenceTotal: 0,
    at1: 0,
    at3: 0,
    shortTotal: 0,
    shortHits: 0,
    shortGiven: 0,
    sourceGold: 0,
    sourceFound: 0,
    sourceReturned: 0,
    sourceRight: 0,
    unanswerable: 0,
    refusedRight: 0,
    answerable: 0,
    refusedWrong: 0,
    noisy: 0,
    miscredited: 0,
  }
  const failures: Report['failures'] = []

  for (const { question, answer } of outcomes) {
    const problems: string[] = []
    for (const passage of answer.passages) {
      const article = articles.get(passage.article)
      if (holdsNoise(passage.text, article)) {
        count.noisy++
        problems.push(`noise in ${passage.article}`)
      }
      if (article?.outlet !== passage.outlet || !files.get(passage.article)?.includes(passage.text)) {
        count.miscredited++
        problems.push(`miscredited ${passage.article}`)
      }
    }
    if (question.unanswerable) {
      count.unanswerable++
      if (!answer.found) count.refusedRight++
      else problems.push(`should refuse; answered "${answer.answer ?? answer.passages[0]?.highlight}"`)
    } else {
      count.answerable++
      if (!answer.found) {
        count.refusedWrong++
        problems.push('refused an answerable question')
      }
      const gold = question.evidence.map(foldQuote)
      if (gold.length) {
        count.evidenceTotal++
        const has = (n: number) => answer.passages.slice(0, n).some((passage) => gold.some((evidence) => foldQuote(passage.text).includes(evidence)))
        if (has(1)) count.at1++
        else problems.push('evidence not in passage 1')
        if (has(3)) count.at3++
        else problems.push('evidence not in passages 1–3')
      }
      if ((question.command === 'who' || question.command === 'when') && (question.answer.length || question.iso)) {
        count.shortTotal++
        const given = foldQuote(answer.answer ?? '')
        const right = (given && question.answer.some((variant) => given.includes(foldQuote(variant)))) || (question.iso !== '' && answer.date === question.iso)
        if (given || answer.date) count.shortGiven++
        if (right) count.shortHits++
        else problems.push(`short answer "${answer.answer}" (${answer.date}) ≠ ${JSON.stringify(question.answer)} ${question.iso}`)
      }
      if (question.command === 'source') {
        const returned = new Set(answer.passages.map((passage) => passage.article.slice(0, 3)))
        count.sourceGold += question.articles.length
        count.sourceFound += question.articles.filter((id) => returned.has(id)).length
        count.sourceReturned += returned.size
        count.sourceRight += [...returned].filter((id) => question.articles.includes(id)).length
        const missing = question.articles.filter((id) => !returned.has(id))
        const extra = [...returned].filter((id) => !question.articles.includes(id))
        if (missing.length || extra.length) problems.push(`sources missing [${missing.join(',')}] extra [${extra.join(',')}]`)
      }
    }
    if (problems.length) failures.push({ id: question.id, command: question.command, query: question.query, problems })
  }
  return {
    questions: outcomes.length,
    evidence_at_1: share(count.at1, count.evidenceTotal),
    evidence_at_3: share(count.at3, count.evidenceTotal),
    short_answer_accuracy: share(count.shortHits, count.shortTotal),
    wrong_short_answers: count.shortGiven === 0 ? 0 : share(count.shortGiven - count.shortHits, count.shortGiven),
    source_recall: share(count.sourceFound, count.sourceGold),
    source_precision: share(count.sourceRight, count.sourceReturned),
    unanswerable_refused: share(count.refusedRight, count.unanswerable),
    answerable_refused: share(count.refusedWrong, count.answerable),
    noisy_passages: count.noisy,
    miscredited_passages: count.miscredited,
    failures,
  }
}
