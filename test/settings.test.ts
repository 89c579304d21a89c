import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { readConfig } from '../src/bot/config.js'
import { RateLimiter } from '../src/bot/rate-limit.js'
import { SettingsError, SettingsStore } from '../src/bot/settings.js'
import { projectRoot } from '../src/paths.js'

const temp = async () => mkdtemp(join(tmpdir(), 'byline-settings-'))

describe('settings store', () => {
  it('creates a missing file (and its folder) in WAL mode, and keeps settings across reopening', async () => {
    const path = join(await temp(), 'nested', 'settings.sqlite')
    const first = SettingsStore.open(path)
    expect(first.created).toBe(true)
    first.store.addChannel('g1', 'c1')
    first.store.addChannel('g1', 'c2')
    expect(first.store.addChannel('g1', 'c1')).toBe(false)
    first.store.setVisibility('g1', 'private')
    first.store.close()
    const again = SettingsStore.open(path)
    expect(again.created).toBe(false)
    expect(again.store.channels('g1')).toEqual(['c1', 'c2'])
    expect(again.store.visibility('g1')).toBe('private')
    expect(again.store.visibility('other')).toBe('public')
    expect(again.store.removeChannel('g1', 'c1')).toBe(true)
    expect(again.store.clearChannels('g1')).toBe(1)
    again.store.close()
    const raw = new Database(path, { readonly: true })
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(raw.pragma('user_version', { simple: true })).toBe(4)
    raw.close()
  })

  it('refuses a corrupt file with a clear error and leaves it untouched', async () => {
    const path = join(await temp(), 'settings.sqlite')
    await writeFile(path, 'this is not a database, it is a note someone saved here')
    expect(() => SettingsStore.open(path)).toThrow(SettingsError)
    expect(() => SettingsStore.open(path)).toThrow(/unreadable or corrupt.*left untouched/)
    expect(await readFile(path, 'utf8')).toBe('this is not a database, it is a note someone saved here')
  })

  it('refuses a database that belongs to something else, or to a newer Byline', async () => {
    const dir = await temp()
    const foreign = new Database(join(dir, 'other.sqlite'))
    foreign.exec('CREATE TABLE invoices (id INTEGER)')
    foreign.close()
    expect(() => SettingsStore.open(join(dir, 'other.sqlite'))).toThrow(/not Byline settings/)
    const newer = new Database(join(dir, 'newer.sqlite'))
    newer.pragma('user_version = 99')
    newer.close()
    expect(() => SettingsStore.open(join(dir, 'newer.sqlite'))).toThrow(/newer than this Byline/)
    expect(existsSync(join(dir, 'newer.sqlite'))).toBe(true)
  })
})

/**
 * Opens the settings in another process as an unprivileged user (root may write anywhere, so a
 * read-only file is only read-only to others), and returns what it printed.
 */
function openAsOtherUser(path: string): string {
  const script = `import('./src/bot/settings.ts').then(({ SettingsStore }) => { try { SettingsStore.open(${JSON.stringify(path)}).store.close(); console.log('opened') } catch (error) { console.log(error.message) } })`
  const asRoot = process.getuid?.() === 0
  const result = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
    cwd: projectRoot,
    encoding: 'utf8',
    ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
  })
  return `${result.stdout}${result.stderr}`.trim()
}

describe('answers with pages', () => {
  it('remembers a paged question across reopening, and upgrades a first-version database keeping its settings', async () => {
    const path = join(await temp(), 'settings.sqlite')
    const v1 = new Database(path)
    v1.exec(`CREATE TABLE guild_settings (guild_id TEXT PRIMARY KEY, reply_visibility TEXT NOT NULL DEFAULT 'public');
             CREATE TABLE guild_channels (guild_id TEXT NOT NULL, channel_id TEXT NOT NULL, added_at TEXT NOT NULL DEFAULT (datetime('now')), PRIMARY KEY (guild_id, channel_id));
             INSERT INTO guild_channels (guild_id, channel_id) VALUES ('g1', 'c1');`)
    v1.pragma('user_version = 1')
    v1.close()
    const first = SettingsStore.open(path).store
    expect(first.channels('g1')).toEqual(['c1'])
    const id = first.rememberQuestion('timeline', 'ant ipo')
    first.close()
    const again = SettingsStore.open(path).store
    expect(again.question(id)).toEqual({ command: 'timeline', query: 'ant ipo' })
    expect(again.question(id + 1000)).toBeNull()
    again.close()
  })
})

describe('settings database permissions and ownership', () => {
  it('says a read-only database file is read-only, not corrupt, and leaves it as it was', async () => {
    const dir = await temp()
    const path = join(dir, 'settings.sqlite')
    SettingsStore.open(path).store.close()
    const before = await readFile(path)
    await chmod(dir, 0o777)
    await chmod(path, 0o444)
    const said = openAsOtherUser(path)
    expect(said).toMatch(/is read-only: give Byline write access/)
    expect(said).not.toMatch(/corrupt/)
    expect(await readFile(path)).toEqual(before)
  })

  it('says a read-only folder is read-only', async () => {
    const dir = await temp()
    const path = join(dir, 'settings.sqlite')
    SettingsStore.open(path).store.close()
    await chmod(path, 0o666)
    await chmod(dir, 0o555)
    expect(openAsOtherUser(path)).toMatch(/folder of the settings database, .*, is read-only/)
    await chmod(dir, 0o755)
  })

  it('checks whose database it is before writing anything to it', async () => {
    const path = join(await temp(), 'other.sqlite')
    const foreign = new Database(path)
    foreign.exec('CREATE TABLE invoices (id INTEGER)')
    foreign.close()
    expect(() => SettingsStore.open(path)).toThrow(/not Byline settings/)
    const raw = new Database(path, { readonly: true })
    expect(raw.pragma('journal_mode', { simple: true })).toBe('delete')
    raw.close()
  })

  it('reports an empty file it made into a new database', async () => {
    const path = join(await temp(), 'settings.sqlite')
    await writeFile(path, '')
    const opened = SettingsStore.open(path)
    expect(opened.wasEmpty).toBe(true)
    expect(opened.created).toBe(false)
    opened.store.close()
  })
})

describe('configuration', () => {
  it('applies defaults and treats empty values as unset', () => {
    const config = readConfig({ DISCORD_TOKEN: '', LOG_LEVEL: '' })
    expect(config.DISCORD_TOKEN).toBeUndefined()
    expect(config.LOG_LEVEL).toBe('info')
    expect(config.RATE_LIMIT_MAX).toBe(5)
    expect(config.DISCORD_API_URL).toBe('https://discord.com/api')
    expect(config.DATABASE_PATH).toMatch(/data[\\/]byline\.sqlite$/)
    expect(config.BYLINE_FETCH_ALLOW_PRIVATE).toBe(false)
    expect(readConfig({ BYLINE_FETCH_ALLOW_PRIVATE: '1' }).BYLINE_FETCH_ALLOW_PRIVATE).toBe(true)
    expect(() => readConfig({ BYLINE_FETCH_ALLOW_PRIVATE: 'yes' })).toThrow(/BYLINE_FETCH_ALLOW_PRIVATE/)
  })

  it('names every bad variable without echoing secrets', () => {
    try {
      readConfig({ DISCORD_TOKEN: 'secret-value', DISCORD_GUILD_ID: 'abc', RATE_LIMIT_MAX: '-3', DISCORD_API_URL: 'ftp://x', LOG_LEVEL: 'loud' })
      expect.unreachable()
    } catch (error) {
      const message = (error as Error).message
      for (const name of ['DISCORD_GUILD_ID', 'RATE_LIMIT_MAX', 'DISCORD_API_URL', 'LOG_LEVEL']) expect(message).toContain(name)
      expect(message).not.toContain('secret-value')
    }
  })
})

describe('rate limiter', () => {
  it('allows max uses per window per user, then says how long to wait', () => {
    let now = 0
    const limiter = new RateLimiter({ max: 2, windowMs: 10_000, now: () => now })
    expect(limiter.take('u')).toBe(0)
    expect(limiter.take('u')).toBe(0)
    expect(limiter.take('u')).toBe(10_000)
    expect(limiter.take('other')).toBe(0)
    now = 10_001
    expect(limiter.take('u')).toBe(0)
  })
})
