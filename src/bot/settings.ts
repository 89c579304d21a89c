import { existsSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'

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
]

export interface OpenResult {
  store: SettingsStore
  /** True when the file did not exist and was created. */
  created: boolean
}

/** Moderator settings per guild: the channels Byline answers in, and whether replies are public. */
export class SettingsStore {
  private constructor(private readonly db: Database.Database) {}

  /**
   * Opens (or, when absent, creates) the settings database at `path`, in WAL mode, running any
   * pending migrations. A file that is not a Byline settings database raises a SettingsError.
   */
  static open(path: string): OpenResult {
    const created = path === ':memory:' || !existsSync(path)
    let db: Database.Database
    try {
      if (created && path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
      db = new Database(path, { fileMustExist: !created })
    } catch (error) {
      throw new SettingsError(`Cannot open the settings database ${path}: ${(error as Error).message}`)
    }
    try {
      db.pragma('journal_mode = WAL')
      db.pragma('foreign_keys = ON')
      const check = db.pragma('quick_check', { simple: true })
      if (check !== 'ok') throw new Error(`integrity check says: ${String(check)}`)
      migrate(db)
    } catch (error) {
      db.close()
      throw new SettingsError(
        `The settings database ${path} is unreadable or corrupt (${(error as Error).message}). ` +
          'It was left untouched: restore it from a backup, or move it aside to start with empty settings.',
      )
    }
    return { store: new SettingsStore(db), created }
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

  setVisibility(guildId: string, visibility: ReplyVisibility): void {
    this.db
      .prepare('INSERT INTO guild_settings (guild_id, reply_visibility) VALUES (?, ?) ON CONFLICT(guild_id) DO UPDATE SET reply_visibility = excluded.reply_visibility')
      .run(guildId, visibility)
  }

  close(): void {
    if (this.db.open) this.db.close()
  }
}

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number
  if (version > MIGRATIONS.length) throw new Error(`schema version ${version} is newer than this Byline (${MIGRATIONS.length})`)
  if (version === 0) {
    const tables = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get() as number
    if (tables > 0) throw new Error('it holds tables that are not Byline settings')
  }
  db.transaction(() => {
    for (let step = version; step < MIGRATIONS.length; step++) db.exec(MIGRATIONS[step]!)
    db.pragma(`user_version = ${MIGRATIONS.length}`)
  })()
}
