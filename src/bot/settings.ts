import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { StoryStore } from '../stories/store.js'

export type ReplyVisibility = 'public' | 'private'

/** Thrown when the settings database cannot be opened safely; it is never overwritten. */
export class SettingsError extends Error {
  override name = 'SettingsError'
}

/** Schema steps; `user_version` records how many have run. Append only. */
const MIGRATIONS = [
  `CREATE TABLE guild_settings (
     guild_id TEXT PRIMARY KEY,
     reply_visibility TEXT NOT NULL DEFAULT 'public' CHECK (reply_visibility IN ('public', 'private'))
   );
   CREATE TABLE guild_channels (
     guild_id TEXT NOT NULL,
     channel_id TEXT NOT NULL,
     added_at TEXT NOT NULL DEFAULT (datetime('now')),
     PRIMARY KEY (guild_id, channel_id)
   );`,
  `CREATE TABLE paged_questions (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     command TEXT NOT NULL,
     query TEXT NOT NULL,
     asked_at TEXT NOT NULL DEFAULT (datetime('now'))
   );`,
  `ALTER TABLE guild_settings ADD COLUMN find_visibility TEXT NOT NULL DEFAULT 'private' CHECK (find_visibility IN ('public', 'private'));`,
  `CREATE TABLE stories (
     guild_id TEXT NOT NULL,
     name TEXT NOT NULL COLLATE NOCASE,
     created_by TEXT NOT NULL,
     created_at TEXT NOT NULL DEFAULT (datetime('now')),
     PRIMARY KEY (guild_id, name)
   );
   CREATE TABLE story_articles (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     guild_id TEXT NOT NULL,
     story TEXT NOT NULL COLLATE NOCASE,
     source TEXT NOT NULL,
     final_url TEXT,
     content_type TEXT NOT NULL,
     raw BLOB NOT NULL,
     text TEXT NOT NULL,
     meta TEXT NOT NULL,
     found TEXT NOT NULL,
     added_by TEXT NOT NULL,
     added_at TEXT NOT NULL DEFAULT (datetime('now')),
     FOREIGN KEY (guild_id, story) REFERENCES stories (guild_id, name) ON DELETE CASCADE
   );
   CREATE INDEX story_articles_by_story ON story_articles (guild_id, story);
   CREATE TABLE story_adds (
     guild_id TEXT NOT NULL,
     at TEXT NOT NULL DEFAULT (datetime('now'))
   );
   ALTER TABLE guild_settings ADD COLUMN active_story TEXT;`,
]

/** How long the pages of an answer ("More passages", "Later") stay reachable. */
const PAGED_QUESTION_DAYS = 14

export interface OpenResult {
  store: SettingsStore
  /** True when the file did not exist and was created. */
  created: boolean
  /** True when the file existed but was empty (0 bytes): a new database was made in it. */
  wasEmpty: boolean
}

/** Moderator settings per guild: the channels Byline answers in, and whether replies are public. */
export class SettingsStore {
  /** The stories moderators build from Discord, kept in the same database. */
  readonly stories: StoryStore

  private constructor(private readonly db: Database.Database) {
    this.stories = new StoryStore(db)
  }

  /**
   * Opens (or, when absent, creates) the settings database at `path`, in WAL mode, running any
   * pending migrations. A file that is not a Byline settings database raises a SettingsError.
   */
  static open(path: string): OpenResult {
    const memory = path === ':memory:'
    const created = memory || !existsSync(path)
    const wasEmpty = !created && statSync(path).isFile() && statSync(path).size === 0
    if (!memory) refuseReadOnly(path, created)
    let db: Database.Database
    try {
      if (created && !memory) mkdirSync(dirname(path), { recursive: true })
      db = new Database(path, { fileMustExist: !created })
    } catch (error) {
      throw new SettingsError(`Cannot open the settings database ${path}: ${(error as Error).message}`)
    }
    try {
      const check = db.pragma('quick_check', { simple: true })
      if (check !== 'ok') throw new Error(`integrity check says: ${String(check)}`)
      // Whose file it is is settled before anything is written to it (WAL mode included).
      refuseForeign(db)
      db.pragma('journal_mode = WAL')
      db.pragma('foreign_keys = ON')
      migrate(db)
    } catch (error) {
      db.close()
      throw new SettingsError(
        `The settings database ${path} is unreadable or corrupt (${(error as Error).message}). ` +
          'It was left untouched: restore it from a backup, or move it aside to start with empty settings.',
      )
    }
    return { store: new SettingsStore(db), created, wasEmpty }
  }

  channels(guildId: string): string[] {
    return this.db.prepare('SELECT channel_id FROM guild_channels WHERE guild_id = ? ORDER BY added_at, channel_id').pluck().all(guildId) as string[]
  }

  /** Adds a channel; returns false when it was already allowed. */
  addChannel(guildId: string, channelId: string): boolean {
    return this.db.prepare('INSERT OR IGNORE INTO guild_channels (guild_id, channel_id) VALUES (?, ?)').run(guildId, channelId).changes > 0
  }

  /** Removes a channel; returns false when it was not allowed. */
  removeChannel(guildId: string, channelId: string): boolean {
    return this.db.prepare('DELETE FROM guild_channels WHERE guild_id = ? AND channel_id = ?').run(guildId, channelId).changes > 0
  }

  /** Forgets every allowed channel (the bot then answers everywhere); returns how many were removed. */
  clearChannels(guildId: string): number {
    return this.db.prepare('DELETE FROM guild_channels WHERE guild_id = ?').run(guildId).changes
  }

  visibility(guildId: string): ReplyVisibility {
    const row = this.db.prepare('SELECT reply_visibility FROM guild_settings WHERE guild_id = ?').pluck().get(guildId)
    return row === 'private' ? 'private' : 'public'
  }

  /** Whether "Find in the story" replies are seen by the channel; private unless moderators chose otherwise. */
  findVisibility(guildId: string): ReplyVisibility {
    const row = this.db.prepare('SELECT find_visibility FROM guild_settings WHERE guild_id = ?').pluck().get(guildId)
    return row === 'public' ? 'public' : 'private'
  }

  setFindVisibility(guildId: string, visibility: ReplyVisibility): void {
    this.db
      .prepare(
        'INSERT INTO guild_settings (guild_id, find_visibility) VALUES (?, ?) ON CONFLICT(guild_id) DO UPDATE SET find_visibility = excluded.find_visibility',
      )
      .run(guildId, visibility)
  }

  setVisibility(guildId: string, visibility: ReplyVisibility): void {
    this.db
      .prepare(
        'INSERT INTO guild_settings (guild_id, reply_visibility) VALUES (?, ?) ON CONFLICT(guild_id) DO UPDATE SET reply_visibility = excluded.reply_visibility',
      )
      .run(guildId, visibility)
  }

  /**
   * Remembers a question whose answer has more pages, so its buttons work after a restart;
   * returns the id the buttons carry. Questions older than two weeks are forgotten.
   */
  rememberQuestion(command: string, query: string): number {
    this.db.prepare(`DELETE FROM paged_questions WHERE asked_at < datetime('now', '-${PAGED_QUESTION_DAYS} days')`).run()
    return Number(this.db.prepare('INSERT INTO paged_questions (command, query) VALUES (?, ?)').run(command, query).lastInsertRowid)
  }

  /** The question a page button refers to, or null when it is unknown or forgotten. */
  question(id: number): { command: string; query: string } | null {
    const row = this.db.prepare('SELECT command, query FROM paged_questions WHERE id = ?').get(id) as { command: string; query: string } | undefined
    return row ?? null
  }

  close(): void {
    if (this.db.open) this.db.close()
  }
}

/** A database that is not Byline's (or is a newer Byline's) is refused. */
function refuseForeign(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number
  if (version > MIGRATIONS.length) throw new Error(`schema version ${version} is newer than this Byline (${MIGRATIONS.length})`)
  if (version === 0) {
    const tables = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get() as number
    if (tables > 0) throw new Error('it holds tables that are not Byline settings')
  }
}

/** A file (or its folder) Byline cannot write is read-only, not corrupt: say so, and change nothing. */
function refuseReadOnly(path: string, created: boolean): void {
  const folder = dirname(path)
  const writable = (target: string) => {
    try {
      accessSync(target, constants.W_OK)
      return true
    } catch {
      return false
    }
  }
  if (!created && !writable(path))
    throw new SettingsError(`The settings database ${path} is read-only: give Byline write access to it (its settings are intact).`)
  if (existsSync(folder) && !writable(folder)) {
    throw new SettingsError(`The folder of the settings database, ${folder}, is read-only: Byline needs to write there (its settings are intact).`)
  }
}

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number
  db.transaction(() => {
    for (const migration of MIGRATIONS.slice(version)) db.exec(migration)
    db.pragma(`user_version = ${MIGRATIONS.length}`)
  })()
}
