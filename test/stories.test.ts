import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AnswerEngine } from '../src/answer/engine.js'
import { SettingsStore } from '../src/bot/settings.js'
import { loadCorpus } from '../src/ingest/corpus.js'
import { defaultSeedsDir } from '../src/paths.js'
import { BUNDLED_STORY, StoryError, StoryLibrary } from '../src/stories/library.js'
import { PageServer } from './support/page-server.js'

let site: PageServer
let bundled: AnswerEngine
let settings: SettingsStore

beforeAll(async () => {
  site = await PageServer.start()
  bundled = AnswerEngine.fromCorpus(await loadCorpus(defaultSeedsDir))
  settings = SettingsStore.open(join(await mkdtemp(join(tmpdir(), 'byline-library-')), 'settings.sqlite')).store
})

afterAll(async () => {
  settings.close()
  await site.close()
})

const library = (options: ConstructorParameters<typeof StoryLibrary>[3] = {}) =>
  new StoryLibrary(settings.stories, bundled, bundled.knowledge.language, { fetch: { allowPrivate: true }, ...options })

describe('server stories', () => {
  it('checks story names and keeps each server to its limit of stories', () => {
    const stories = library({ maxStoriesPerServer: 2 })
    expect(() => stories.create('s1', '  ', 'u')).toThrow(StoryError)
    expect(() => stories.create('s1', '<@&123> ping', 'u')).toThrow(/Story names are/)
    expect(() => stories.create('s1', 'Bundled', 'u')).toThrow(/ships with/)
    expect(stories.create('s1', 'Election  night', 'u').name).toBe('Election night')
    expect(() => stories.create('s1', 'election NIGHT', 'u')).toThrow(/already has a story/)
    stories.create('s1', 'Budget', 'u')
    expect(() => stories.create('s1', 'Third', 'u')).toThrow(/2 stories, the most/)
    expect(stories.activeName('s1')).toBe('Budget')
    expect(stories.use('s1', 'ELECTION night').name).toBe('Election night')
    expect(stories.stories('s1').map((story) => [story.name, story.active])).toEqual([
      [BUNDLED_STORY, false],
      ['Election night', true],
      ['Budget', false],
    ])
    expect(stories.activeName('s2')).toBe(BUNDLED_STORY)
  })

  it('deletes a story with its articles, frees its place, and falls back to the bundled story', async () => {
    const stories = library({ maxStoriesPerServer: 1 })
    stories.create('g', 'Short-lived', 'u')
    await stories.add('g', 'u', { link: site.url('/news/flood-barrier') })
    expect(() => stories.create('g', 'Another', 'u')).toThrow(/\/story delete/)
    expect(() => stories.delete('g', 'bundled')).toThrow(/no story called/)
    expect(stories.delete('g', 'short-LIVED')).toMatchObject({ name: 'Short-lived', articles: 1 })
    expect(stories.activeName('g')).toBe(BUNDLED_STORY)
    expect(stories.engineFor('g')).toBe(bundled)
    expect(settings.stories.articles('g', 'Short-lived')).toEqual([])
    expect(stories.create('g', 'Another', 'u').name).toBe('Another')
  })

  it('never lets one server see, correct or remove another server’s articles', async () => {
    const stories = library()
    stories.create('a', 'Flood', 'u')
    const report = await stories.add('a', 'u', { link: site.url('/news/flood-barrier') })
    expect(() => stories.remove('b', report.id)).toThrow(/no such article/)
    expect(() => stories.fix('b', report.id, { outlet: 'Hijacked' })).toThrow(/no such article/)
    expect(stories.articles('b')).toEqual([])
    expect(stories.engineFor('b')).toBe(bundled)
    expect(stories.engineFor('a').answer('who', 'Denise Achterberg').answer).toMatch(/Mayor/)
    expect(stories.engineFor('a').outletName(`a${report.id}`)).toMatch(/Millbrook Courier/)
  })

  it('refuses a bad date correction and keeps the article as it was', async () => {
    const stories = library()
    stories.create('c', 'Ferries', 'u')
    const report = await stories.add('c', 'u', { link: site.url('/news/markets') })
    expect(() => stories.fix('c', report.id, { published: 'last Tuesday' })).toThrow(/YYYY-MM-DD/)
    expect(stories.fix('c', report.id, { published: '2031-10-06', wire: null }).meta).toMatchObject({ published: '2031-10-06', wire: null })
    expect(stories.articles('c')[0]?.found.published).toBe('moderator')
  })

  it('counts adds per hour per server, failed ones included, and says when to try again', async () => {
    const stories = library({ addsPerHour: 2 })
    stories.create('d', 'Busy', 'u')
    await expect(stories.add('d', 'u', { link: site.url('/files/report.pdf') })).rejects.toThrow(/PDF/)
    await stories.add('d', 'u', { link: site.url('/news/bare') })
    await expect(stories.add('d', 'u', { link: site.url('/news/markets') })).rejects.toThrow(/added 2 pages in the last hour.*try again in (60|59) minutes/)
    await expect(library({ addsPerHour: 2 }).add('e', 'u', { link: site.url('/news/markets') })).rejects.toThrow(/bundled story cannot be changed/)
  })

  it('refuses attachments that are not saved pages before fetching them', async () => {
    const stories = library()
    stories.create('f', 'Files', 'u')
    const fetched = site.hits.get('/files/report.pdf')
    await expect(stories.add('f', 'u', { file: { name: 'scan.pdf', url: site.url('/files/report.pdf'), size: 10 } })).rejects.toThrow(/\.html, \.htm or \.txt/)
    await expect(stories.add('f', 'u', { file: { name: 'big.html', url: site.url('/news/huge'), size: 6 * 1024 * 1024 } })).rejects.toThrow(/larger than 5 MB/)
    expect(site.hits.get('/files/report.pdf')).toBe(fetched)
  })
})
