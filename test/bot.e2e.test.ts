import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AnswerEngine } from '../src/answer/engine.js'
import { type RunningBot, startBot } from '../src/bot/bot.js'
import { type CommandModule, loadCommands } from '../src/bot/commands.js'
import type { BotContext, StoryEngine } from '../src/bot/context.js'
import { Conversation } from '../src/bot/conversation.js'
import { StoryLibrary } from '../src/stories/library.js'
import { createLogger } from '../src/bot/logger.js'
import { SettingsStore } from '../src/bot/settings.js'
import { loadCorpus } from '../src/ingest/corpus.js'
import { defaultSeedsDir } from '../src/paths.js'
import { defined } from './support/defined.js'
import { type Embed, FakeDiscord, IDS, type InteractionCallback, type RecordedRequest } from './support/fake-discord.js'

const TOKEN = 'test-token.not-a-real-secret'
const EPHEMERAL = 64

let discord: FakeDiscord
let engine: AnswerEngine
let commands: Map<string, CommandModule>
let dbPath: string
let logs = ''

/** The engine, except that the query "explode" makes it throw, as a buggy handler would. */
function fragile(real: StoryEngine): StoryEngine {
  return {
    answer: (command, query, previous) => {
      if (query === 'explode') throw new Error('boom')
      return real.answer(command, query, previous)
    },
    entityNames: (typed) => real.entityNames(typed),
    eventLabels: (typed) => real.eventLabels(typed),
    outletName: (id) => real.outletName(id),
  }
}

async function boot(): Promise<{ bot: RunningBot; settings: SettingsStore }> {
  const { store: settings } = SettingsStore.open(dbPath)
  const sink = new Writable({
    write: (chunk, _encoding, done) => {
      logs += String(chunk)
      done()
    },
  })
  const library = new StoryLibrary(settings.stories, engine, engine.knowledge.language, { fetch: { allowPrivate: true } })
  // The library itself, but for answers from the fragile engine.
  const stories: BotContext['stories'] = Object.assign(Object.create(library) as StoryLibrary, {
    engineFor: (guildId: string | null) => fragile(library.engineFor(guildId)),
  })
  const context: BotContext = { stories, settings, conversation: new Conversation(), logger: createLogger('info', sink) }
  const bot = await startBot({ token: TOKEN, apiUrl: discord.apiUrl, commands, context, rateLimit: { max: 100, windowMs: 60_000 } })
  return { bot, settings }
}

let running: { bot: RunningBot; settings: SettingsStore }

beforeAll(async () => {
  discord = await FakeDiscord.start()
  engine = AnswerEngine.fromCorpus(await loadCorpus(defaultSeedsDir))
  commands = await loadCommands()
  dbPath = join(await mkdtemp(join(tmpdir(), 'byline-bot-')), 'settings.sqlite')
  running = await boot()
})

afterAll(async () => {
  // beforeAll may have failed part-way: stop only what was started.
  const started = running as typeof running | undefined
  const fake = discord as FakeDiscord | undefined
  await started?.bot.stop()
  started?.settings.close()
  await fake?.close()
})

/** The first embed of the reply in an interaction callback. */
const firstEmbed = (callback: RecordedRequest<InteractionCallback>): Embed => defined(callback.body.data.embeds?.[0], 'an embed in the reply')
const buttonLabelled = (callback: RecordedRequest<InteractionCallback>, label: string) =>
  defined(
    callback.body.data.components?.flatMap((row) => row.components).find((button) => button.label === label),
    `a "${label}" button`,
  )

/** The choices of an autocomplete callback. */
const choicesOf = (callback: RecordedRequest<InteractionCallback>) => defined(callback.body.data.choices, 'autocomplete choices')

const channelOption = (channel: string) => ({ channels: { [channel]: { id: channel, type: 0, name: 'answers', permissions: '2147483647' } } })

describe('the bot against a stand-in Discord', () => {
  it('identifies on the gateway with its token and discovers the gateway over REST', () => {
    expect(discord.identifies[0]?.token).toBe(TOKEN)
    const discovery = discord.requests.find((request) => request.path === '/api/v10/gateway/bot')
    expect(discovery?.authorization).toBe(`Bot ${TOKEN}`)
  })

  it('answers /who with an embed quoting the passage and crediting the outlet, mentioning no one', async () => {
    const callback = await discord.interact(discord.command('who', [{ name: 'query', type: 3, value: 'Tzeng Yi-suo' }]))
    expect(callback.body.type).toBe(4)
    const embed = firstEmbed(callback)
    expect(embed.title).toContain('head of cyberwarfare and information security')
    expect(embed.description).toContain('**Tzeng Yi-suo, head of cyberwarfare')
    expect(embed.description).toContain('Radio Free Asia')
    expect(callback.body.data.allowed_mentions).toEqual({ parse: [] })
    expect(callback.body.data.flags ?? 0).toBe(0)
  })

  it('reads a follow-up with the same person’s last question in the channel, and says how it read it', async () => {
    const query = (value: string) => [{ name: 'query', type: 3, value }]
    await discord.interact(discord.command('who', query('who is tzeng yi-suo')))
    const followUp = firstEmbed(await discord.interact(discord.command('who', query('and biden?'))))
    expect(followUp.title).toMatch(/Joe Biden/)
    expect(followUp.footer?.text).toContain('read as: who is biden')
    const someoneElse = firstEmbed(await discord.interact(discord.command('who', query('and biden?'), { user: IDS.mod })))
    expect(someoneElse.footer?.text ?? '').not.toContain('read as')
  })

  it('answers autocomplete with at most 25 names from the story', async () => {
    const callback = await discord.interact(discord.autocomplete('who', 'query', 'fon'))
    expect(callback.body.type).toBe(8)
    const names = choicesOf(callback).map((choice) => choice.name)
    expect(names).toContain('Francis Fong')
    const all = await discord.interact(discord.autocomplete('who', 'query', ''))
    const choices = choicesOf(all)
    expect(choices.length).toBeLessThanOrEqual(25)
    for (const choice of choices) expect(choice.name.length).toBeLessThanOrEqual(100)
  })

  it('refuses /config to a member without Manage Server, privately', async () => {
    const callback = await discord.interact(discord.command('config', [{ name: 'show', type: 1, options: [] }]))
    expect(callback.body.data.flags).toBe(EPHEMERAL)
    expect(callback.body.data.content).toMatch(/Only members who can manage this server/)
  })

  it('redirects a command used outside the moderators’ channels, privately, naming them', async () => {
    const add = discord.command(
      'config',
      [{ name: 'channels', type: 2, options: [{ name: 'add', type: 1, options: [{ name: 'channel', type: 7, value: IDS.answers }] }] }],
      { moderator: true },
      channelOption(IDS.answers),
    )
    const added = await discord.interact(add)
    expect(added.body.data.content).toContain(`Added <#${IDS.answers}>`)
    const elsewhere = await discord.interact(discord.command('who', [{ name: 'query', type: 3, value: 'Francis Fong' }], { channel: IDS.general }))
    expect(elsewhere.body.data.flags).toBe(EPHEMERAL)
    expect(elsewhere.body.data.content).toContain(`<#${IDS.answers}>`)
    expect(elsewhere.body.data.allowed_mentions).toEqual({ parse: [] })
  })

  it('refuses a channel of another server, whatever the payload says', async () => {
    const stranger = '555555555555555555'
    const add = discord.command(
      'config',
      [{ name: 'channels', type: 2, options: [{ name: 'add', type: 1, options: [{ name: 'channel', type: 7, value: stranger }] }] }],
      { moderator: true },
      channelOption(stranger),
    )
    const refused = await discord.interact(add)
    expect(refused.body.data.content).toContain('not in this server')
    const shown = await discord.interact(discord.command('config', [{ name: 'show', type: 1, options: [] }], { moderator: true }))
    expect(shown.body.data.content).not.toContain(stranger)
  })

  it('keeps its settings across a restart on the same SQLite file', async () => {
    await running.bot.stop()
    running.settings.close()
    running = await boot()
    const elsewhere = await discord.interact(discord.command('when', [{ name: 'query', type: 3, value: 'us election date' }], { channel: IDS.general }))
    expect(elsewhere.body.data.content).toContain(`<#${IDS.answers}>`)
    const there = await discord.interact(discord.command('when', [{ name: 'query', type: 3, value: 'us election date' }], { channel: IDS.answers }))
    expect(firstEmbed(there).description).toContain('2020-11-03')
  })

  it('turns a handler that throws into a private error reply and stays up', async () => {
    const failed = await discord.interact(discord.command('ask', [{ name: 'question', type: 3, value: 'explode' }], { channel: IDS.answers }))
    expect(failed.body.data.flags).toBe(EPHEMERAL)
    expect(failed.body.data.content).toMatch(/Something went wrong/)
    expect(logs).toContain('command failed')
    const next = await discord.interact(discord.command('who', [{ name: 'query', type: 3, value: 'Francis Fong' }], { channel: IDS.answers }))
    expect(firstEmbed(next).title).toContain('Francis Fong')
    expect(discord.connected).toBe(1)
  })

  it('survives an interaction Discord says is unknown', async () => {
    const stale = discord.command('who', [{ name: 'query', type: 3, value: 'Jack Ma' }], { channel: IDS.answers })
    discord.expired.add(stale.id as string)
    await discord.interact(stale)
    await new Promise((resolve) => setTimeout(resolve, 100))
    const next = await discord.interact(discord.command('who', [{ name: 'query', type: 3, value: 'Wilbur Ross' }], { channel: IDS.answers }))
    expect(firstEmbed(next).title).toContain('Commerce secretary')
  })

  it('answers a long answer at once and short: the best quote, two more outlets, the rest behind "More passages"', async () => {
    const callback = await discord.interact(discord.command('source', [{ name: 'query', type: 3, value: 'ant ipo 35 billion' }], { channel: IDS.answers }))
    expect(callback.body.type).toBe(4)
    const embed = firstEmbed(callback)
    expect(embed.fields?.length).toBe(3)
    expect(JSON.stringify(embed).length).toBeLessThan(2000)
    expect(callback.body.data.allowed_mentions).toEqual({ parse: [] })
    const more = buttonLabelled(callback, 'More passages')
    const page = await discord.interact(discord.button(more.custom_id, { channel: IDS.answers }))
    expect(page.body.type).toBe(7)
    const next = firstEmbed(page)
    expect(next.fields?.length).toBeGreaterThan(0)
    expect(next.fields?.map((field) => field.name)).not.toEqual(embed.fields?.map((field) => field.name))
  })

  it('pages a timeline with Earlier and Later, also after a restart', async () => {
    const callback = await discord.interact(discord.command('timeline', [], { channel: IDS.answers }))
    expect(firstEmbed(callback).footer?.text).toMatch(/page 1 of \d+/)
    expect(buttonLabelled(callback, 'Earlier').disabled).toBe(true)
    const later = buttonLabelled(callback, 'Later')
    await running.bot.stop()
    running.settings.close()
    running = await boot()
    const page = await discord.interact(discord.button(later.custom_id, { channel: IDS.answers }))
    expect(page.body.type).toBe(7)
    expect(firstEmbed(page).footer?.text).toMatch(/page 2 of \d+/)
    expect(buttonLabelled(page, 'Earlier').disabled).toBeFalsy()
  })

  it('does not count /help against the rate limit (100 questions a minute here)', async () => {
    for (let i = 0; i < 110; i++) {
      const help = await discord.interact(discord.command('help', [], { channel: IDS.answers }))
      expect(JSON.stringify(help.body)).not.toContain('asking quickly')
    }
    const question = await discord.interact(discord.command('who', [{ name: 'query', type: 3, value: 'Wilbur Ross' }], { channel: IDS.answers }))
    expect(firstEmbed(question).title).toContain('Commerce secretary')
  })

  it('echoes hostile input escaped and pings no one', async () => {
    const callback = await discord.interact(
      discord.command('ask', [{ name: 'question', type: 3, value: '@everyone <@123456789012345678> **now**' }], { channel: IDS.answers }),
    )
    const embed = JSON.stringify(callback.body.data.embeds)
    expect(embed).not.toContain('@everyone')
    expect(embed).not.toContain('<@123456789012345678>')
    expect(callback.body.data.allowed_mentions).toEqual({ parse: [] })
  })

  it('keeps no users or members in its caches but itself, however many people ask', async () => {
    for (let i = 0; i < 5; i++) {
      await discord.interact(discord.command('help', [], { channel: IDS.answers, user: `90000000000000000${i}` }))
    }
    const { client } = running.bot
    expect([...client.users.cache.keys()].filter((id) => id !== client.user?.id)).toEqual([])
    for (const guild of client.guilds.cache.values()) expect([...guild.members.cache.keys()].filter((id) => id !== client.user?.id)).toEqual([])
  })

  it('finds a message’s claims in the story, privately, ignoring mentions, links and markdown', async () => {
    const content =
      '@everyone <@123456789012345678> **Trump** signed an order banning Alipay and other Chinese payment apps https://example.com/x. Also the moon landing was staged in a studio in Nevada!'
    const callback = await discord.interact(discord.messageCommand('Find in the story', content, { channel: IDS.answers }))
    expect(callback.body.type).toBe(4)
    expect(callback.body.data.flags).toBe(EPHEMERAL)
    const embeds = callback.body.data.embeds ?? []
    expect(embeds).toHaveLength(2)
    expect(JSON.stringify(embeds[0])).toContain('TechCentral')
    expect(embeds[1]?.description).toMatch(/No article in this story reports that/)
    expect(JSON.stringify(callback.body)).not.toContain('@everyone')
    expect(callback.body.data.allowed_mentions).toEqual({ parse: [] })
  })

  it('makes "Find in the story" replies public when moderators say so', async () => {
    const set = await discord.interact(
      discord.command('config', [{ name: 'find', type: 1, options: [{ name: 'mode', type: 3, value: 'public' }] }], { moderator: true }),
    )
    expect(set.body.data.content).toContain('"Find in the story" replies are now public')
    const callback = await discord.interact(discord.messageCommand('Find in the story', 'Trump signed an order banning Alipay.', { channel: IDS.answers }))
    expect(callback.body.data.flags ?? 0).toBe(0)
  })

  it('never writes the token to its logs', () => {
    expect(logs.length).toBeGreaterThan(0)
    expect(logs).not.toContain(TOKEN)
  })
})
