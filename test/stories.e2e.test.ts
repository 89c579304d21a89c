import { readFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AnswerEngine } from '../src/answer/engine.js'
import { type RunningBot, startBot } from '../src/bot/bot.js'
import { type CommandModule, loadCommands } from '../src/bot/commands.js'
import { Conversation } from '../src/bot/conversation.js'
import { createLogger } from '../src/bot/logger.js'
import { SettingsStore } from '../src/bot/settings.js'
import { loadCorpus } from '../src/ingest/corpus.js'
import { defaultSeedsDir } from '../src/paths.js'
import { StoryLibrary } from '../src/stories/library.js'
import { defined } from './support/defined.js'
import { type Embed, FakeDiscord, IDS, type InteractionCallback, type RecordedRequest } from './support/fake-discord.js'
import { PageServer } from './support/page-server.js'

const TOKEN = 'test-token.not-a-real-secret'
const EPHEMERAL = 64
const OTHER_SERVER = '200000000000000002'
/** A loopback address the tests treat as a private network, so the other (127.0.0.1) is "the internet". */
const PRIVATE_HOST = '127.0.0.2'

let discord: FakeDiscord
let site: PageServer
let bundled: AnswerEngine
let commands: Map<string, CommandModule>
let dbPath: string
let running: { bot: RunningBot; settings: SettingsStore }

async function boot(): Promise<{ bot: RunningBot; settings: SettingsStore }> {
  const { store: settings } = SettingsStore.open(dbPath)
  const stories = new StoryLibrary(settings.stories, bundled, bundled.knowledge.language, {
    maxArticlesPerStory: 3,
    fetch: { allowPrivate: false, isForbiddenAddress: (address) => address === PRIVATE_HOST, timeoutMs: 1000 },
  })
  stories.preload()
  const context = { stories, settings, conversation: new Conversation(), logger: createLogger('silent') }
  const bot = await startBot({ token: TOKEN, apiUrl: discord.apiUrl, commands, context, rateLimit: { max: 100, windowMs: 60_000 } })
  return { bot, settings }
}

beforeAll(async () => {
  discord = await FakeDiscord.start()
  site = await PageServer.start()
  bundled = AnswerEngine.fromCorpus(await loadCorpus(defaultSeedsDir))
  commands = await loadCommands()
  dbPath = join(await mkdtemp(join(tmpdir(), 'byline-stories-')), 'settings.sqlite')
  running = await boot()
})

afterAll(async () => {
  const started = running as typeof running | undefined
  await started?.bot.stop()
  started?.settings.close()
  await (site as PageServer | undefined)?.close()
  await (discord as FakeDiscord | undefined)?.close()
})

const story = (sub: string, options: unknown[] = [], from: { moderator?: boolean; guild?: string } = { moderator: true }, resolved?: unknown) =>
  discord.command('story', [{ name: sub, type: 1, options }], from, resolved)
const text = (name: string, value: string) => ({ name, type: 3, value })

/** Sends a /story add and returns what the moderator finally sees: the edited deferred reply. */
const addPage = (options: unknown[], resolved?: unknown) => reply(story('add', options, { moderator: true }, resolved))

/** What the moderator finally sees of a /story command: the reply, or the deferred reply as edited. */
async function reply(payload: Record<string, unknown>): Promise<{ content: string; embed: Embed | undefined }> {
  const callback = await discord.interact(payload)
  if (callback.body.type !== 5) return { content: callback.body.data.content ?? '', embed: callback.body.data.embeds?.[0] }
  expect(callback.body.data.flags).toBe(EPHEMERAL)
  const edit = (await discord.waitForRequest(
    (request) => request.method === 'PATCH' && request.path.includes(`/webhooks/${IDS.app}/${payload.token as string}/messages/`),
  )) as RecordedRequest<{ content?: string; embeds?: Embed[] }>
  return { content: edit.body.content ?? '', embed: edit.body.embeds?.[0] }
}

const link = (url: string) => addPage([text('link', url)])
/** A field's text as Discord shows it (markdown escapes removed). */
const field = (embed: Embed | undefined, name: string) =>
  defined(
    embed?.fields?.find((each) => each.name === name),
    `a ${name} field`,
  ).value.replace(/\\(.)/g, '$1')
const ask = async (command: string, query: string, guild?: string) => {
  const option = command === 'ask' ? 'question' : 'query'
  const callback: RecordedRequest<InteractionCallback> = await discord.interact(discord.command(command, [text(option, query)], { guild }))
  return defined(callback.body.data.embeds?.[0], 'an answer embed')
}

describe('stories built from Discord', () => {
  it('lets only moderators change the story, and never the bundled one', async () => {
    const member = await discord.interact(story('list', [], {}))
    expect(member.body.data.content).toMatch(/Only members who can manage this server/)
    const bundledAdd = await link(site.url('/news/flood-barrier'))
    expect(bundledAdd.content).toMatch(/bundled story cannot be changed.*\/story new/)
  })

  it('starts a story, adds a page by link, and shows what it understood', async () => {
    const started = await discord.interact(story('new', [text('name', 'Flood barrier')]))
    expect(started.body.data.flags).toBe(EPHEMERAL)
    expect(started.body.data.content).toContain('Started “Flood barrier”')
    expect((await ask('who', 'Denise Achterberg')).description).toContain('no articles yet')

    const added = await link(site.url('/share/flood'))
    const embed = defined(added.embed, 'a report of the added article')
    expect(embed.title).toContain('Added to “Flood barrier”')
    expect(field(embed, 'Outlet')).toContain('Millbrook Courier')
    expect(field(embed, 'Date')).toContain('2031-03-04')
    expect(field(embed, 'Title')).toContain('flood barrier after six-hour debate')
    expect(field(embed, 'Byline')).toContain('Lena Brandt')
    expect(embed.description).toMatch(/\d+ passages to quote; “Flood barrier” now holds 1 article/)
    expect(JSON.stringify(embed)).not.toMatch(/Subscribe|Share this article|cookie/i)
  })

  it('answers from the added article on this server only', async () => {
    const who = await ask('who', 'Denise Achterberg')
    expect(who.title).toMatch(/Mayor/)
    expect(JSON.stringify(who)).toContain('Millbrook Courier')
    const elsewhere = await ask('who', 'Tzeng Yi-suo', OTHER_SERVER)
    expect(elsewhere.title).toContain('head of cyberwarfare')
    const notHere = await ask('who', 'Tzeng Yi-suo')
    expect(notHere.title ?? '').not.toContain('head of cyberwarfare')
  })

  it('adds a saved page attached to the command, read through Discord’s file link', async () => {
    const attachment = discord.attach('wildfire.txt', readFileSync(join(import.meta.dirname, 'fixtures', 'pages', 'story.txt')), 'text/plain; charset=utf-8')
    const added = await addPage([{ name: 'file', type: 11, value: attachment.id }], { attachments: { [attachment.id as string]: attachment } })
    expect(field(added.embed, 'Outlet')).toMatch(/Associated Press|AP/)
    expect(added.embed?.description).toContain('now holds 2 articles')
    expect((await ask('who', 'Marcus Odell')).title).toMatch(/spokesperson/)
  })

  it('refuses bad pages with one clear line each, and adds nothing (a masked link is read as its address)', async () => {
    const refusals: [string, RegExp][] = [
      [site.url('/files/report.pdf'), /PDF/],
      [site.url('/news/huge'), /larger than 5 MB/],
      [site.url('/news/slow'), /took longer than/],
      [site.url('/news/flood-barrier', PRIVATE_HOST), /private or local network/],
      [site.url('/nowhere'), /404/],
      [site.url('/login'), /no article text/i],
      ['ftp://example.com/story', /http/],
      [`[the flood story](${site.url('/news/flood-barrier')})`, /already in “Flood barrier”/],
    ]
    for (const [url, message] of refusals) {
      const { content, embed } = await link(url)
      expect(embed, url).toBeUndefined()
      expect(content, url).toMatch(message)
      expect(content.split('\n'), url).toHaveLength(1)
      expect(content, url).not.toMatch(/Error:|at .+\.js/)
    }
    expect(site.hits.get('/news/flood-barrier')).toBe(2)
    const listed = await discord.interact(story('list'))
    expect(listed.body.data.content).toMatch(/Flood barrier\*\*: 2 articles/)
  })

  it('takes a link pasted in <angle brackets>, and stops at the per-story limit', async () => {
    expect((await link(`<${site.url('/news/markets')}>`)).embed?.description).toContain('now holds 3 articles')
    expect((await link(site.url('/news/bare'))).content).toMatch(/already holds 3 articles/)
  })

  it('corrects what was read, and credits the correction', async () => {
    const choices = await discord.interact({ ...story('fix', [{ ...text('article', 'ferry'), focused: true }]), type: 4 })
    const [ferry] = defined(choices.body.data.choices, 'article choices')
    expect(ferry?.name).toMatch(/Reuters|Solent|ferry/i)
    const fixed = await discord.interact(story('fix', [text('article', defined(ferry, 'a choice').value), text('outlet', 'Harbour Gazette')]))
    expect(field(fixed.body.data.embeds?.[0], 'Outlet')).toContain('Harbour Gazette (set by a moderator)')
    expect(JSON.stringify(await ask('who', 'Aled Pritchard'))).toContain('Harbour Gazette')
  })

  it('keeps the story, its articles and corrections across a restart', async () => {
    await running.bot.stop()
    running.settings.close()
    running = await boot()
    expect(JSON.stringify(await ask('who', 'Aled Pritchard'))).toContain('Harbour Gazette')
    expect((await ask('who', 'Denise Achterberg')).title).toMatch(/Mayor/)
  })

  it('removes an article: it is no longer quoted', async () => {
    const choices = await discord.interact({ ...story('remove', [{ ...text('article', ''), focused: true }]), type: 4 })
    const flood = defined(
      choices.body.data.choices?.find((choice) => choice.name.includes('Millbrook')),
      'the flood article among the choices',
    )
    const removed = await discord.interact(story('remove', [text('article', flood.value)]))
    expect(removed.body.data.content).toMatch(/Removed #\d+ .*no longer quoted/)
    expect((await ask('who', 'Denise Achterberg')).title ?? '').not.toMatch(/Mayor/)
  })

  it('finds a message’s claim in the server’s active story', async () => {
    const callback = await discord.interact(discord.messageCommand('Find in the story', 'Ferry company Solent Link is cutting a third of its winter sailings'))
    expect(callback.body.data.flags).toBe(EPHEMERAL)
    expect(JSON.stringify(callback.body.data.embeds)).toContain('Harbour Gazette')
  })

  it('switches back to the bundled story', async () => {
    const used = await reply(story('use', [text('name', 'bundled')]))
    expect(used.content).toContain('now answers from “bundled”')
    expect((await ask('who', 'Tzeng Yi-suo')).title).toContain('head of cyberwarfare')
    const names = await discord.interact({ ...story('use', [{ ...text('name', 'fl'), focused: true }]), type: 4 })
    expect(names.body.data.choices?.map((choice) => choice.name)).toEqual(['Flood barrier'])
    const deletable = await discord.interact({ ...story('delete', [{ ...text('name', ''), focused: true }]), type: 4 })
    expect(deletable.body.data.choices?.map((choice) => choice.name)).toEqual(['Flood barrier'])
    const deleted = await discord.interact(story('delete', [text('name', 'Flood barrier')]))
    expect(deleted.body.data.content).toMatch(/Deleted “Flood barrier” and its 2 articles/)
    expect((await discord.interact(story('list'))).body.data.content).not.toContain('Flood barrier')
  })
})
