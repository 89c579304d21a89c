import type Database from 'better-sqlite3'
import type { ArticleMeta } from '../ingest/types.js'

/** What an article says about itself: the fields of an articles.json entry. */
export type PageMeta = ArticleMeta

/** Where a field of the metadata came from: the page (JSON-LD, OpenGraph, …) or a moderator's correction. */
export type FoundIn = Partial<Record<keyof PageMeta, string>>

/** An article a moderator added, as listed: its number, where it came from and its facts. */
export interface ArticleSummary {
  id: number
  story: string
  /** The link given, or the attachment's file name. */
  source: string
  /** Where the link led after redirects (null for an attachment). */
  finalUrl: string | null
  meta: PageMeta
  found: FoundIn
  addedBy: string
  addedAt: string
}

/** An article a moderator added, as stored: also the page as fetched and the text read from it. */
export interface StoredArticle extends ArticleSummary {
  guildId: string
  contentType: string
  raw: Uint8Array
  text: string
}

/** A story a server made, with how many articles it holds. */
export interface StoredStory {
  name: string
  createdBy: string
  createdAt: string
  articles: number
}

interface SummaryRow {
  id: number
  story: string
  source: string
  final_url: string | null
  meta: string
  found: string
  added_by: string
  added_at: string
}

interface ArticleRow extends SummaryRow {
  guild_id: string
  content_type: string
  raw: Buffer
  text: string
}

const SUMMARY_COLUMNS = 'id, story, source, final_url, meta, found, added_by, added_at'

/** The SQLite side of server stories: stories, their articles, each server's active story and its recent adds. */
export class StoryStore {
  constructor(private readonly db: Database.Database) {}

  /** The server's stories, oldest first, with their article counts. */
  list(guildId: string): StoredStory[] {
    return this.db
      .prepare(
        `SELECT s.name, s.created_by AS createdBy, s.created_at AS createdAt, count(a.id) AS articles
           FROM stories s LEFT JOIN story_articles a ON a.guild_id = s.guild_id AND a.story = s.name
          WHERE s.guild_id = ? GROUP BY s.name ORDER BY s.created_at, s.rowid`,
      )
      .all(guildId) as StoredStory[]
  }

  /** The story by name (any letter case), or null. */
  find(guildId: string, name: string): StoredStory | null {
    return this.list(guildId).find((story) => story.name.toLowerCase() === name.toLowerCase()) ?? null
  }

  /** Makes a story; false when the server already has one by that name. */
  create(guildId: string, name: string, userId: string): boolean {
    return this.db.prepare('INSERT OR IGNORE INTO stories (guild_id, name, created_by) VALUES (?, ?, ?)').run(guildId, name, userId).changes > 0
  }

  /** Deletes a story and its articles; false when the server has no such story. */
  delete(guildId: string, name: string): boolean {
    return this.db.transaction(() => {
      this.db.prepare('DELETE FROM story_articles WHERE guild_id = ? AND story = ?').run(guildId, name)
      return this.db.prepare('DELETE FROM stories WHERE guild_id = ? AND name = ?').run(guildId, name).changes > 0
    })()
  }

  /** The name of the server's active story, or null for the bundled one. */
  active(guildId: string): string | null {
    const name = this.db
      .prepare(`SELECT s.name FROM guild_settings g JOIN stories s ON s.guild_id = g.guild_id AND s.name = g.active_story WHERE g.guild_id = ?`)
      .pluck()
      .get(guildId) as string | undefined
    return name ?? null
  }

  /** Every server's active story, for those that chose their own. */
  allActive(): { guildId: string; name: string }[] {
    return this.db
      .prepare(`SELECT g.guild_id AS guildId, s.name FROM guild_settings g JOIN stories s ON s.guild_id = g.guild_id AND s.name = g.active_story`)
      .all() as { guildId: string; name: string }[]
  }

  /** Sets the server's active story (null: the bundled story). */
  setActive(guildId: string, name: string | null): void {
    this.db
      .prepare('INSERT INTO guild_settings (guild_id, active_story) VALUES (?, ?) ON CONFLICT(guild_id) DO UPDATE SET active_story = excluded.active_story')
      .run(guildId, name)
  }

  /** Every article of a story, in the order they were added. */
  articles(guildId: string, story: string): StoredArticle[] {
    const rows = this.db.prepare('SELECT * FROM story_articles WHERE guild_id = ? AND story = ? ORDER BY id').all(guildId, story) as ArticleRow[]
    return rows.map(fromRow)
  }

  /** A story's articles as listed (not their pages), in the order they were added. */
  summaries(guildId: string, story: string): ArticleSummary[] {
    const rows = this.db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM story_articles WHERE guild_id = ? AND story = ? ORDER BY id`)
      .all(guildId, story) as SummaryRow[]
    return rows.map(summaryOf)
  }

  /** An article of the story with this very text, or at this address (as given or as reached), or null. */
  duplicateOf(guildId: string, story: string, text: string, url: string | null): ArticleSummary | null {
    const row = this.db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM story_articles WHERE guild_id = ? AND story = ?
            AND (text = ? OR (? IS NOT NULL AND (json_extract(meta, '$.url') = ? OR final_url = ?))) ORDER BY id LIMIT 1`,
      )
      .get(guildId, story, text, url, url, url) as SummaryRow | undefined
    return row ? summaryOf(row) : null
  }

  /** One article of the server (any of its stories), or null. */
  article(guildId: string, id: number): StoredArticle | null {
    const row = this.db.prepare('SELECT * FROM story_articles WHERE guild_id = ? AND id = ?').get(guildId, id) as ArticleRow | undefined
    return row ? fromRow(row) : null
  }

  /** Stores an added article; returns it with its id and time. */
  addArticle(article: Omit<StoredArticle, 'id' | 'addedAt'>): StoredArticle {
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO story_articles (guild_id, story, source, final_url, content_type, raw, text, meta, found, added_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        article.guildId,
        article.story,
        article.source,
        article.finalUrl,
        article.contentType,
        Buffer.from(article.raw),
        article.text,
        JSON.stringify(article.meta),
        JSON.stringify(article.found),
        article.addedBy,
      )
    const stored = this.article(article.guildId, Number(lastInsertRowid))
    if (!stored) throw new Error('the article just stored cannot be read back')
    return stored
  }

  /** Replaces an article's facts (a moderator's correction). */
  updateMeta(guildId: string, id: number, meta: PageMeta, found: FoundIn): void {
    this.db.prepare('UPDATE story_articles SET meta = ?, found = ? WHERE guild_id = ? AND id = ?').run(JSON.stringify(meta), JSON.stringify(found), guildId, id)
  }

  /** Deletes an article; false when the server has no such article. */
  removeArticle(guildId: string, id: number): boolean {
    return this.db.prepare('DELETE FROM story_articles WHERE guild_id = ? AND id = ?').run(guildId, id).changes > 0
  }

  /** How many pages the server tried to add in the last hour. */
  addsInLastHour(guildId: string): number {
    return this.db.prepare(`SELECT count(*) FROM story_adds WHERE guild_id = ? AND at >= datetime('now', '-1 hour')`).pluck().get(guildId) as number
  }

  /** Records an attempt to add a page (the hourly limit counts attempts, since each may fetch). */
  recordAdd(guildId: string): void {
    this.db.prepare(`DELETE FROM story_adds WHERE at < datetime('now', '-1 hour')`).run()
    this.db.prepare('INSERT INTO story_adds (guild_id) VALUES (?)').run(guildId)
  }

  /** Minutes until the oldest add of the last hour stops counting. */
  minutesUntilNextAdd(guildId: string): number {
    const oldest = this.db.prepare(`SELECT min(at) FROM story_adds WHERE guild_id = ? AND at >= datetime('now', '-1 hour')`).pluck().get(guildId) as
      string | null
    if (!oldest) return 0
    const frees = Date.parse(`${oldest.replace(' ', 'T')}Z`) + 3_600_000
    return Math.max(1, Math.ceil((frees - Date.now()) / 60_000))
  }
}

function summaryOf(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    story: row.story,
    source: row.source,
    finalUrl: row.final_url,
    meta: JSON.parse(row.meta) as PageMeta,
    found: JSON.parse(row.found) as FoundIn,
    addedBy: row.added_by,
    addedAt: row.added_at,
  }
}

function fromRow(row: ArticleRow): StoredArticle {
  return { ...summaryOf(row), guildId: row.guild_id, contentType: row.content_type, raw: new Uint8Array(row.raw), text: row.text }
}
