import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { AnswerEngine } from '../src/answer/engine.js'
import { loadCorpus } from '../src/ingest/corpus.js'
import { defaultSeedsDir, projectRoot } from '../src/paths.js'

let story: AnswerEngine

beforeAll(async () => {
  story = AnswerEngine.fromCorpus(await loadCorpus(defaultSeedsDir))
})

describe('the timeline', () => {
  it('lists every dated event in date order, not only the first page', () => {
    const timeline = story.answer('timeline', '')
    const dates = timeline.passages.map((passage) => passage.when?.iso ?? '')
    expect(dates.length).toBeGreaterThan(8)
    expect([...dates].sort()).toEqual(dates)
    expect(timeline.answer).toMatch(new RegExp(`^${dates.length} dated events`))
  })

  it('dates a story’s main event by when it was reported when the lead gives no date, and keeps it out of /when suggestions', () => {
    const reported = story.answer('timeline', '').passages.filter((passage) => passage.when?.text === 'reported')
    expect(reported.length).toBeGreaterThan(0)
    for (const passage of reported) {
      expect(passage.paragraph).toBe(1)
      expect(passage.when?.iso).toBe(passage.published)
    }
    expect(story.eventLabels('', 1000).some((label) => label.startsWith('reported'))).toBe(false)
  })
})

describe('figures', () => {
  it('keep the words that qualify them ("a couple hundred", "more than 40 percent")', async () => {
    const goldman = AnswerEngine.fromCorpus(await loadCorpus(join(projectRoot, 'test', 'eval', 'stories', 'goldman')))
    expect(goldman.answer('ask', 'how many people got their stock early').answer).toMatch(/couple hundred/)
  })
})
