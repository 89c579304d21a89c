import type { Asked, EngineOptions } from './context.js'
import type { Knowledge } from './knowledge.js'
import type { Candidate } from './retrieve.js'

/**
 * How far a passage can be trusted for a question:
 * - `answer`: it covers the question (enough of its weight, in one sentence and its neighbours,
 *   with every name and number the question gives);
 * - `closest`: it comes near, and is shown as the closest passage, never as the answer;
 * - `none`: not worth showing.
 */
export type Verdict = 'answer' | 'closest' | 'none'

/** Names the question gives must be named in the passage or right beside it. */
function meetsNames(knowledge: Knowledge, asked: Asked, candidate: Candidate): boolean {
  const near = new Set([candidate.passage - 1, candidate.passage, candidate.passage + 1])
  const article = knowledge.passages[candidate.passage]!.article
  return asked.named.every((record) => record.passages.some((index) => near.has(index) && knowledge.passages[index]!.article === article))
}

/** Figures the question gives ("2004", "13%") must be in the passage. */
function meetsFigures(asked: Asked, candidate: Candidate): boolean {
  return asked.terms.every((term) => !/^\d/.test(term.term) || candidate.matched.has(term.term))
}

/** The verdict on one candidate (see `Verdict`). */
export function judge(knowledge: Knowledge, asked: Asked, candidate: Candidate | undefined, options: EngineOptions): Verdict {
  if (!candidate || candidate.coverage < options.minClosestCoverage) return 'none'
  const covers = candidate.coverage >= options.minCoverage && candidate.sentenceCoverage >= options.minSentenceCoverage
  return covers && meetsNames(knowledge, asked, candidate) && meetsFigures(asked, candidate) ? 'answer' : 'closest'
}
