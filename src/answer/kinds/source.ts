import type { Answer, AnswerPassage } from '../types.js'
import type { AnswerContext, Asked } from '../context.js'
import { quoteSpeakerOf } from '../extract.js'
import type { Candidate } from '../retrieve.js'

/** Money, percentages and counts as outlets write them ("US$35-billion", "about $35 billion", "1.4%"). */
const FIGURE =
  /(?:U\.?S\.?\s?\$|US\$|\$|£|€)\s?\d[\d.,]*(?:[\s-]?(?:billion|million|trillion|bn))?|\b\d[\d.,]*\s?(?:%|percent|per cent)|\b\d[\d.,]*\s(?:billion|million|trillion)\b/gi

/** How each outlet put the figures: "BTimes: up to $35 billion · London Daily: about $35 billion". */
function wordings(passages: AnswerPassage[]): string | null {
  const parts = passages.map((passage) => {
    const context = [...passage.highlight.matchAll(FIGURE)].map((match) => {
      const lead = passage.highlight
        .slice(Math.max(0, match.index - 20), match.index)
        .trim()
        .split(/\s+/)
        .slice(-2)
        .join(' ')
      return `${lead} ${match[0].trim()}`.trim()
    })
    return context.length ? `${passage.outlet ?? passage.article}: ${context.join(', ')}` : null
  })
  const present = parts.filter(Boolean)
  return present.length ? present.join(' · ') : null
}

/** source / compare: every article that reports the claim, one passage each; compare adds each outlet's wording. */
export function answerSource(context: AnswerContext, asked: Asked, compare: boolean): Answer {
  const { base } = asked
  const candidates = context.rank(asked)
  const [best] = candidates
  const verdict = context.verdict(asked, best)
  if (verdict !== 'answer' || !best) return context.unanswered(asked, candidates, verdict, true)
  const perArticle = new Map<string, Candidate>()
  for (const candidate of candidates) {
    const article = context.passage(candidate).article
    if (perArticle.has(article) || context.verdict(asked, candidate) !== 'answer') continue
    if (candidate.score < best.score * context.options.minRelativeScore || candidate.coverage < best.coverage * context.options.minRelativeCoverage) continue
    perArticle.set(article, candidate)
  }
  const chosen = [...perArticle.values()].slice(0, context.options.maxGrouped)
  const passages = chosen.map((candidate) => context.toPassage(candidate.passage, candidate.sentence, candidate.score))
  const speaker = quoteSpeakerOf(context.passage(best), best.sentence)
  const outlets = [...new Set(passages.map((passage) => passage.outlet ?? passage.article))]
  const answer = compare
    ? wordings(passages)
    : `${outlets.length} ${outlets.length === 1 ? 'outlet reports' : 'outlets report'} this${speaker ? `, quoting ${speaker}` : ''}: ${outlets.join(', ')}`
  return { ...base, found: true, answer, passages }
}
