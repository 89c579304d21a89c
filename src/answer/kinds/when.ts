import { isoPrecision, type TemporalMention } from '../../ingest/annotate/dates.js'
import type { AnswerContext, Asked } from '../context.js'
import { isCorrection } from '../corrections.js'
import { timeIn } from '../extract.js'
import type { Candidate } from '../retrieve.js'
import type { Answer } from '../types.js'

const PRECISION = { day: 3, month: 2, year: 1 }

/** The present of "be", as typed ("r" is chat for "are"). */
const PRESENT_BE = /^(?:is|are|am|'s|’s|r)$/i

/** Vague times (see `annotateDates`) that look back ("recently", "in the past few weeks") or ahead ("soon", "in the coming days"). */
const VAGUE_PAST = /\b(?:recent(?:ly)?|lately|past|last|earlier|since|at the time)\b/i
const VAGUE_FUTURE = /\b(?:coming|next|later|soon)\b/i

/** "what day", "which date": a question that asks for a day, not a month or a year. */
const DAY_NOUNS = new Set(['day', 'date'])

function precision(time: TemporalMention): number {
  return time.iso ? PRECISION[isoPrecision(time.iso)] : 0
}

/** when: the time the story attaches to the event asked about, or "the story does not say when". */
export function answerWhen(context: AnswerContext, asked: Asked): Answer {
  const { base } = asked
  const candidates = context.rank(asked)
  const [best] = candidates
  const verdict = context.verdict(asked, best)
  if (verdict !== 'answer' || !best) return context.unanswered(asked, candidates, verdict)
  const wanted = new Set(asked.question.lemmas)
  const wantDuration = asked.question.type === 'duration' || asked.question.type === 'amount'
  const eventIsVerb = asked.question.tokens.some((token) => token.lemma === asked.predicate && token.pos === 'VERB')
  const asksDay = asked.question.tokens.some((token, i) => /^(?:what|which)$/i.test(token.text) && DAY_NOUNS.has(asked.question.tokens[i + 1]?.lemma ?? ''))
  const done = asked.question.tokens.some((token) => token.pos === 'AUX' && /^did$/i.test(token.text))
  // "when's the first court hearing": a thing named by a noun, asked of in the present, is still to come.
  const { tokens } = asked.question
  const scheduled = asked.question.eventIsNoun && tokens.some((token) => token.pos === 'AUX' && PRESENT_BE.test(token.text))
  // "when might line 7 be back": a modal of what may come heads the question (not "when'd citi say it might …").
  const heading = tokens.find((token) => token.pos === 'AUX' || token.pos === 'VERB')
  const mayCome = heading?.pos === 'AUX' && /^(?:may|might|shall)$/i.test(heading.text)
  const future = scheduled || mayCome || tokens.some((token) => token.pos === 'AUX' && /^(?:will|'ll|’ll|do|does)$/i.test(token.text))
  const timed = candidates
    .filter((candidate) => context.verdict(asked, candidate) === 'answer')
    .slice(0, 8)
    .map((candidate) => {
      const passage = context.passage(candidate)
      const corrected = (mention: TemporalMention) => context.knowledge.correctedDates.has(`${candidate.passage}:${mention.offset}`)
      const published = context.article(passage).published
      const doneBy = done ? published : null
      const options = { wantDuration, event: asked.predicate, eventIsVerb, doneBy, question: asked.question.text, corrected }
      const told = toldNext(context, asked, candidate)
      // A correction restates the error first; what it puts right follows, and is quoted.
      const putRight = isCorrection(passage) && candidate.sentence === 0 ? passage.sentences.slice(1).map((_, i) => i + 1) : []
      // A time the story resolves to a date beats one it leaves relative ("grounded … after the fire broke out. They returned to the air Tuesday morning").
      const found = [candidate.sentence, ...(told === null ? [] : [told]), ...putRight].flatMap((sentence) => {
        const time = timeIn(passage, sentence, candidate, wanted, options)
        // "when will the appeal be heard", "when do members vote" are not answered by a time before the article was written ("last week").
        const latest = time?.until ?? time?.iso
        const past = future && latest && published && latest < published.slice(0, latest.length)
        // Nor by "recently"; and "when did they sign" is not answered by "in the coming weeks".
        const wrongWay = time?.kind === 'vague' && ((future && VAGUE_PAST.test(time.text)) || (done && VAGUE_FUTURE.test(time.text)))
        return time && !past && !wrongWay
          ? [{ candidate: putRight.includes(sentence) || sentence === told ? { ...candidate, sentence } : candidate, time }]
          : []
      })
      return found.find((entry) => entry.time.iso !== null) ?? found[0] ?? { candidate, time: null }
    })
    .filter((entry): entry is { candidate: Candidate; time: TemporalMention } => entry.time !== null)
    // "what day did the operators first go out" is not answered by "in December".
    .filter((entry) => !asksDay || precision(entry.time) === PRECISION.day)
  // Passages far below the best date the event only as another telling of it.
  const strong = timed.filter((entry) => entry.candidate.score >= best.score * 0.5)
  const [first] = strong
  if (!first) return context.closest(asked, candidates, 'The passages below tell of this, but none of them dates it.')
  // The same event told twice (a syndicated copy, or the same phrase in another article): the telling that dates it wins.
  const dated = timed.reduce((a, b) => {
    const sameTelling = context.linked(a.candidate.passage, b.candidate.passage) || a.time.text.toLowerCase() === b.time.text.toLowerCase()
    // Tied: as high, or covering the question's words as fully ("pay workers … through March 21" against a request to pay "until the plant reopens").
    const asFull = Math.abs(a.candidate.coverage - b.candidate.coverage) < 0.02 && Math.abs(a.candidate.sentenceCoverage - b.candidate.sentenceCoverage) < 0.02
    // "filed last month" and "filed Wednesday", Sept. 24: a day within the period is the same time, told exactly.
    const within = strong.includes(b) && inside(b.time, a.time)
    const tied = sameTelling || within || (strong.includes(b) && (Math.abs(a.candidate.score - b.candidate.score) < 0.08 || asFull))
    return tied && precision(b.time) > precision(a.time) ? b : a
  }, first)
  const ordered = [dated.candidate, ...candidates.filter((candidate) => candidate !== dated.candidate)]
  const { iso, until, kind } = dated.time
  const text = withAnchor(context.passage(dated.candidate).text, dated.time)
  const answer = iso && until ? `${text} (${iso} to ${until})` : iso && kind !== 'date' ? `${text} (${iso})` : text
  return context.found(base, ordered, answer, iso)
}

/** Whether a time falls within another's period ("2025-09-24" within "2025-09", or within a week's range). */
function inside(time: TemporalMention, period: TemporalMention): boolean {
  if (!time.iso || !period.iso || time.iso === period.iso) return false
  if (period.until) return time.iso >= period.iso && time.iso.slice(0, period.until.length) <= period.until
  return time.iso.startsWith(period.iso)
}

/**
 * "The county identified the woman as Evelyn Haugen. She died Sunday …": when the sentence that
 * names the subject does not tell of the event, the next one may, about the same subject — it
 * opens with a pronoun standing for it. Its index, or null.
 */
function toldNext(context: AnswerContext, asked: Asked, candidate: Candidate): number | null {
  const event = asked.predicate
  const forms = new Set(event ? (candidate.matched.get(event) ?? []) : [])
  const terms = context.knowledge.sentenceTerms[candidate.passage] ?? []
  const next = candidate.sentence + 1
  const opening = context.passage(candidate).sentences[next]?.text ?? ''
  const tells = (sentence: number) => (terms[sentence] ?? []).some((term) => forms.has(term))
  return forms.size > 0 && tells(next) && /^(?:he|she|they|it)\b/i.test(opening) ? next : null
}

/** Most words a relative time's anchor may add to the short answer. */
const ANCHOR_WORDS = 12

/**
 * A relative time with its anchor ("a day after" → "a day after he had met with administration
 * officials"): alone, it says nothing. The anchor runs to the end of its clause, as written.
 */
function withAnchor(passageText: string, mention: TemporalMention): string {
  // "three days after [the council approved it]", dating the approval: three days before the sentence's own date.
  if (mention.datesClause && mention.basis)
    return `${mention.text.replace(/\b(after|before)$/i, (word) => (/after/i.test(word) ? 'before' : 'after'))} ${mention.basis.replace(/^on\s+/i, '')}`
  if (!/\b(?:after|before|since|until|following)$/i.test(mention.text)) return mention.text
  const rest = passageText.slice(mention.offset + mention.text.length)
  const clause = /^.*?(?=[,;:]|\.(?:\s+\p{Lu}|\s*$)|$)/su.exec(rest)?.[0] ?? ''
  const words = clause.trim().split(/\s+/).filter(Boolean).slice(0, ANCHOR_WORDS)
  return words.length ? `${mention.text} ${words.join(' ')}` : mention.text
}
