import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { AnswerEngine } from '../src/answer/engine.js'
import type { Answer } from '../src/answer/types.js'
import { autocompleteChoices } from '../src/bot/reply.js'
import { loadCorpus } from '../src/ingest/corpus.js'
import { defaultSeedsDir, projectRoot } from '../src/paths.js'

const stories = join(projectRoot, 'test', 'eval', 'stories')
const STORIES = [defaultSeedsDir, join(projectRoot, 'test', 'fixtures', 'story'), ...readdirSync(stories).map((name) => join(stories, name))]

/** Every suggestion, in pages of 25 as Discord shows them, with the value Discord sends back when it is picked. */
function everyChoice(labels: string[]): { name: string; value: string }[] {
  const pages: { name: string; value: string }[] = []
  for (let i = 0; i < labels.length; i += 25) pages.push(...autocompleteChoices(labels.slice(i, i + 25)))
  return pages
}

describe.each(STORIES)('autocomplete round trip on %s', (dir) => {
  let engine: AnswerEngine
  beforeAll(async () => {
    engine = AnswerEngine.fromCorpus(await loadCorpus(dir))
  })

  it.each([
    ['who', 'who it is', (engine: AnswerEngine) => engine.entityNames('', 10_000), (answer: Answer) => answer.answer !== null],
    ['when', 'a date', (engine: AnswerEngine) => engine.eventLabels('', 10_000), (answer: Answer) => answer.date !== null],
  ] as const)('answers every /%s suggestion with %s', (command, _what, suggestions, answered) => {
    const choices = everyChoice(suggestions(engine))
    expect(choices.length).toBeGreaterThan(0)
    for (const { value } of choices) {
      expect(value.length).toBeLessThanOrEqual(100)
      const answer = engine.answer(command, value)
      expect({ value, found: answer.found, answered: answered(answer) }).toEqual({ value, found: true, answered: true })
    }
  })
})
