import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { AnswerEngine } from '../src/answer/engine.js'
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

  it('answers every /who suggestion with who it is', () => {
    const choices = everyChoice(engine.entityNames('', 10_000))
    expect(choices.length).toBeGreaterThan(0)
    for (const { value } of choices) {
      expect(value.length).toBeLessThanOrEqual(100)
      const answer = engine.answer('who', value)
      expect({ value, found: answer.found, hasAnswer: answer.answer !== null }).toEqual({ value, found: true, hasAnswer: true })
    }
  })

  it('answers every /when suggestion with a date', () => {
    const choices = everyChoice(engine.eventLabels('', 10_000))
    expect(choices.length).toBeGreaterThan(0)
    for (const { value } of choices) {
      expect(value.length).toBeLessThanOrEqual(100)
      const answer = engine.answer('when', value)
      expect({ value, found: answer.found, dated: answer.date !== null }).toEqual({ value, found: true, dated: true })
    }
  })
})
