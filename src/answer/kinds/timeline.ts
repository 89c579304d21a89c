import { type AnswerContext, type Asked, quoted } from '../context.js'
import type { Answer } from '../types.js'

/** timeline: every dated event of the story in date order, or those about the query (the renderer pages them). */
export function answerTimeline(context: AnswerContext, asked: Asked): Answer {
  const { base } = asked
  let events = context.events()
  if (base.query) {
    const relevant = new Set(
      context
        .rank(asked)
        .filter((candidate) => context.verdict(asked, candidate) !== 'none')
        .map((candidate) => candidate.passage),
    )
    events = events.filter((event) => relevant.has(event.passage))
    if (events.length === 0) return context.refuse(base, `The story gives no dated events about ${quoted(base.query)}.`)
  }
  const shown = events
  const passages = shown.map((event) => ({
    ...context.toPassage(event.passage, event.sentence, 1),
    when: { text: event.mention.text, iso: event.mention.iso },
  }))
  const first = shown[0]?.mention.iso
  const last = shown.at(-1)?.mention.iso
  const count = `${shown.length} dated ${shown.length === 1 ? 'event' : 'events'}`
  return { ...base, found: shown.length > 0, answer: first && last ? `${count}, ${first} to ${last}` : null, passages }
}
