import type { Answer, AnswerPassage } from '../types.js'
import type { AnswerContext, Asked } from '../context.js'
import { lemmasOf, quoteSpeakerOf } from '../extract.js'
import { type Candidate, termWeight } from '../retrieve.js'

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

/** How much of the best sentence's weight another sentence must share to tell the same claim. */
const RETOLD_SHARE = 0.4

/** The share of the best sentence's words (weighted by rarity in the story) a candidate's sentence shares. */
function claimLike(context: AnswerContext, best: Candidate): (candidate: Candidate) => number {
  const { knowledge } = context
  // The sentence's own words, not the initials indexed beside them.
  const termsOf = (candidate: Candidate) => new Set(lemmasOf(context.passage(candidate).sentences[candidate.sentence]?.text ?? ''))
  const weigh = (term: string) => termWeight(knowledge, knowledge.documentFrequency.get(term) ?? 0)
  const claim = termsOf(best)
  const total = [...claim].reduce((sum, term) => sum + weigh(term), 0) || 1
  return (candidate) => {
    const terms = termsOf(candidate)
    return [...claim].filter((term) => terms.has(term)).reduce((sum, term) => sum + weigh(term), 0) / total
  }
}

/** source / compare: every article that reports the claim, one passage each; compare adds each outlet's wording. */
export function answerSource(context: AnswerContext, asked: Asked, compare: boolean): Answer {
  const { base } = asked
  const candidates = context.rank(asked)
  const [best] = candidates
  const verdict = context.verdict(asked, best)
  if (verdict !== 'answer' || !best) return context.unanswered(asked, candidates, verdict, true)
  const perArticle = new Map<string, Candidate>()
  const sameClaim = claimLike(context, best)
  for (const candidate of candidates) {
    const article = context.passage(candidate).article
    if (perArticle.has(article)) continue
    const close = context.verdict(asked, candidate) === 'answer' && candidate.score >= best.score * context.options.minRelativeScore
    // Another outlet's words for the claim the best passage makes ("continue to dominate the global digital payments industry").
    const retold =
      candidate.coverage >= context.options.minClosestCoverage * 2 &&
      sameClaim(candidate) >= RETOLD_SHARE &&
      asked.question.figures.every((figure) => candidate.window.has(figure))
    if (!retold && (!close || candidate.coverage < best.coverage * context.options.minRelativeCoverage)) continue
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
