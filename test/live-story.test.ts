import { beforeAll, describe, expect, it } from 'vitest'
import { AnswerEngine } from '../src/answer/engine.js'
import { LiveStory } from '../src/answer/live-story.js'
import { loadCorpus, type RawArticle } from '../src/ingest/corpus.js'
import { loadMetadata } from '../src/ingest/metadata.js'
import { readArticleFile } from '../src/ingest/read.js'
import { loadLanguage } from '../src/language/index.js'
import { defaultSeedsDir } from '../src/paths.js'
import { join } from 'node:path'

let raws: RawArticle[]
let whole: AnswerEngine

beforeAll(async () => {
  const metadata = await loadMetadata(join(defaultSeedsDir, 'articles.json'))
  raws = await Promise.all(
    [...metadata.values()].map(async (entry) => ({ file: entry.file, text: await readArticleFile(join(defaultSeedsDir, entry.file), entry.file), entry })),
  )
  whole = AnswerEngine.fromCorpus(await loadCorpus(defaultSeedsDir))
})

const QUESTIONS: [Parameters<AnswerEngine['answer']>[0], string][] = [
  ['who', 'Tzeng Yi-suo'],
  ['when', 'order signed'],
  ['source', 'Ant Group is unaware of the discussions'],
  ['ask', 'how many users does alipay have'],
]

function shown(engine: AnswerEngine, command: Parameters<AnswerEngine['answer']>[0], query: string) {
  const answer = engine.answer(command, query)
  return {
    answer: answer.answer,
    found: answer.found,
    passages: answer.passages.map((passage) => `${passage.article}#${passage.paragraph} also in ${passage.alsoIn.join(', ')}`),
  }
}

describe('a story whose articles come and go', () => {
  it('answers as the same story built at once, when its articles are added one by one', () => {
    const story = new LiveStory([], loadLanguage())
    expect(story.engine.answer('who', 'Tzeng Yi-suo').message).toBe('This story has no articles yet.')
    for (const raw of raws) story.put(raw)
    for (const [command, query] of QUESTIONS) expect(shown(story.engine, command, query)).toEqual(shown(whole, command, query))
  })

  it('links a page added later with the copies already in the story, as a story built at once links them', () => {
    const links = (story: LiveStory) => story.engine.knowledge.passages.flatMap((passage) => passage.alsoIn.map((other) => `${passage.id}→${other}`)).sort()
    const atOnce = links(new LiveStory(raws, loadLanguage()))
    expect(atOnce.length).toBeGreaterThan(0)
    for (const order of [raws, [...raws].reverse()]) {
      const story = new LiveStory([], loadLanguage())
      for (const raw of order) story.put(raw)
      expect(links(story)).toEqual(atOnce)
    }
  })

  it('drops a removed article from answers and from every "also in", and takes it back in place', () => {
    const story = new LiveStory(raws, loadLanguage())
    const linked = story.engine.knowledge.passages.find((passage) => passage.alsoIn.length > 0)
    const copy = linked?.alsoIn[0]?.split('#')[0]
    if (!linked || !copy) throw new Error('the bundled story carries syndicated copies')
    const claim = linked.sentences[0]?.text ?? linked.text
    expect(story.remove(copy)).toBe(true)
    expect(story.remove(copy)).toBe(false)
    expect(story.articleIds).not.toContain(copy)
    const after = story.engine.answer('source', claim)
    expect(after.found).toBe(true)
    const mentioned = after.passages.flatMap((passage) => [passage.article, ...passage.alsoIn.map((id) => id.split('#')[0])])
    expect(mentioned).not.toContain(copy)
    expect(story.engine.knowledge.passages.flatMap((passage) => passage.alsoIn).filter((id) => id.startsWith(`${copy}#`))).toEqual([])
    const raw = raws.find((each) => each.file.startsWith(copy))
    if (!raw) throw new Error(`no page for ${copy}`)
    story.put(raw)
    expect(shown(story.engine, 'source', claim)).toEqual(shown(whole, 'source', claim))
  })

  it('replaces an article put again under the same file, with its corrected facts', () => {
    const story = new LiveStory(raws, loadLanguage())
    const [first] = raws
    if (!first?.entry) throw new Error('the bundled story lists its articles')
    const article = story.put({ ...first, entry: { ...first.entry, outlet: 'Corrected Outlet' } })
    expect(article.outlet).toBe('Corrected Outlet')
    expect(story.articleIds).toHaveLength(raws.length)
    expect(story.engine.outletName(article.id)).toBe('Corrected Outlet')
  })
})
