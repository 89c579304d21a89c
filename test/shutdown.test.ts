import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { projectRoot } from '../src/paths.js'
import { FakeDiscord } from './support/fake-discord.js'

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.fake.shutdown-test-token'

interface Started {
  child: ChildProcess
  output: () => string
}

/**
 * Starts the bot in its own process against the stand-in Discord: compiled, as `npm start` runs
 * it in production (the build comes with `npm ci`), or from source under tsx.
 */
async function startBot(discord: FakeDiscord, env: Record<string, string> = {}, compiled = false): Promise<Started> {
  const dir = await mkdtemp(join(tmpdir(), 'byline-shutdown-'))
  const entry = compiled ? ['dist/src/bot/main.js'] : ['--import', 'tsx', 'src/bot/main.ts']
  const child = spawn(process.execPath, entry, {
    cwd: projectRoot,
    env: {
      PATH: process.env.PATH,
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: discord.apiUrl,
      DATABASE_PATH: join(dir, 'settings.sqlite'),
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let text = ''
  child.stdout.on('data', (chunk) => (text += String(chunk)))
  child.stderr.on('data', (chunk) => (text += String(chunk)))
  return { child, output: () => text }
}

async function waitFor(test: () => boolean, timeoutMs = 20_000): Promise<void> {
  const started = Date.now()
  while (!test()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** Sends SIGTERM and measures how long the process takes to exit, and with what code. */
async function terminate(child: ChildProcess): Promise<{ ms: number; code: number | null }> {
  const sent = Date.now()
  const exited = once(child, 'exit')
  child.kill('SIGTERM')
  const [code] = (await Promise.race([
    exited,
    new Promise((resolve) =>
      setTimeout(() => {
        resolve([null])
      }, 10_000),
    ),
  ])) as [number | null]
  if (child.exitCode === null) child.kill('SIGKILL')
  return { ms: Date.now() - sent, code }
}

let discord: FakeDiscord | undefined
let bot: Started | undefined

afterEach(async () => {
  if (bot?.child.exitCode === null) bot.child.kill('SIGKILL')
  await discord?.close().catch(() => undefined)
})

describe('starting and stopping the bot process', () => {
  it('runs compiled, as in production, and stops within 5 seconds of SIGTERM while connected', async () => {
    discord = await FakeDiscord.start()
    bot = await startBot(discord, {}, true)
    const { child, output } = bot
    await waitFor(() => output().includes('connected to Discord'))
    const { ms, code } = await terminate(child)
    expect(code).toBe(0)
    expect(ms).toBeLessThan(5000)
  }, 40_000)

  it('stops within 5 seconds of SIGTERM after the gateway connection is lost, and logged the loss', async () => {
    discord = await FakeDiscord.start()
    bot = await startBot(discord)
    const { child, output } = bot
    await waitFor(() => output().includes('connected to Discord'))
    await discord.close()
    await waitFor(() => /gateway (disconnected|reconnecting)/.test(output()), 15_000).catch(() => {
      throw new Error(`no disconnect logged:\n${output()}`)
    })
    const { ms, code } = await terminate(child)
    expect(code).toBe(0)
    expect(ms).toBeLessThan(5000)
  }, 40_000)

  it('says in one line, without a stack trace, that Discord cannot be reached', async () => {
    const closed = await FakeDiscord.start()
    const unreachable = closed.apiUrl
    await closed.close()
    discord = await FakeDiscord.start()
    bot = await startBot(discord, { DISCORD_API_URL: unreachable })
    const [code] = (await once(bot.child, 'exit')) as [number]
    expect(code).toBe(1)
    const lines = bot.output().trim().split('\n')
    expect(lines.at(-1)).toMatch(/cannot reach Discord/)
    expect(bot.output()).not.toMatch(/\n\s+at /)
  }, 40_000)

  it('says in one line, without a stack trace, that Discord rejected the token', async () => {
    discord = await FakeDiscord.start()
    discord.acceptedToken = 'the-real-token'
    bot = await startBot(discord)
    const [code] = (await once(bot.child, 'exit')) as [number]
    expect(code).toBe(1)
    expect(bot.output().trim().split('\n').at(-1)).toMatch(/Discord rejected DISCORD_TOKEN/)
    expect(bot.output()).not.toMatch(/\n\s+at /)
    expect(bot.output()).not.toContain(TOKEN)
  }, 40_000)

  it('says in one line that the seeds folder is missing', async () => {
    discord = await FakeDiscord.start()
    bot = await startBot(discord, { BYLINE_SEEDS_DIR: '/nonexistent' })
    const [code] = (await once(bot.child, 'exit')) as [number]
    expect(code).toBe(1)
    expect(bot.output().trim()).toBe(
      'Byline could not load its articles: /nonexistent: no such folder: point --seeds or BYLINE_SEEDS_DIR at a folder of .txt articles',
    )
  }, 40_000)
})
