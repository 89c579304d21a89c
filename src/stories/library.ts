import { AnswerEngine } from '../answer/engine.js'
import { LiveStory } from '../answer/live-story.js'
import { DEFAULT_FETCH_OPTIONS, type FetchedPage, type FetchOptions, FetchRefusal, fetchPage } from '../ingest/fetch.js'
import type { RawArticle } from '../ingest/corpus.js'
import type { Article } from '../ingest/types.js'
import { PageError, readPage } from '../ingest/page.js'
import type { Language } from '../language/index.js'
import type { ArticleSummary, FoundIn, PageMeta, StoredArticle, StoryStore } from './store.js'

/** Limits on what one server may build. */
export interface LibraryOptions {
  maxArticlesPerStory: number
  maxStoriesPerServer: number
  /** Pages a server may try to add per hour (each may fetch a page). */
  addsPerHour: number
  fetch: Partial<FetchOptions>
}

export const DEFAULT_LIBRARY_OPTIONS: LibraryOptions = { maxArticlesPerStory: 200, maxStoriesPerServer: 10, addsPerHour: 30, fetch: {} }

/** The name the story Byline ships with (or the operator's folder) goes by. */
export const BUNDLED_STORY = 'bundled'

/** A refusal or a mistake a moderator can fix, with a one-line message saying how. */
export class StoryError extends Error {
  override name = 'StoryError'
}

/** A page to add: a link to fetch, or an attached saved page (Discord's own attachment link). */
export type PageSource = { link: string } | { file: { name: string; url: string; size: number } }

/** What Byline understood of an article: shown to the moderator after an add or a fix. */
export interface ArticleReport {
  id: number
  story: string
  meta: PageMeta
  found: FoundIn
  /** Fields still unknown. */
  unknown: (keyof PageMeta)[]
  passages: number
  /** Articles the story now holds. */
  articles: number
}

/** A story as listed to a moderator. */
export interface StoryListing {
  name: string
  articles: number
  active: boolean
  bundled: boolean
}

const META_FIELDS = ['outlet', 'published', 'title', 'byline', 'wire', 'url'] as const satisfies readonly (keyof PageMeta)[]
const FILE_TYPES: Record<string, string> = { '.html': 'text/html', '.htm': 'text/html', '.txt': 'text/plain' }
const STORY_NAME = /^[\p{L}\p{N}][\p{L}\p{N} _'’.-]{0,39}$/u

/**
 * Every server's stories: the bundled story everyone starts with, and the stories moderators
 * build from Discord, kept in SQLite and answered from live in memory. Servers never see each
 * other's stories. Knows nothing of Discord: servers and users are ids.
 */
export class StoryLibrary {
  private readonly options: LibraryOptions
  private readonly live = new Map<string, LiveStory>()

  constructor(
    private readonly store: StoryStore,
    private readonly bundled: AnswerEngine,
    private readonly language: Language,
    options: Partial<LibraryOptions> = {},
  ) {
    this.options = { ...DEFAULT_LIBRARY_OPTIONS, ...options }
  }

  /** The engine answering for a server: its active story, or the bundled story. */
  engineFor(guildId: string | null): AnswerEngine {
    const name = guildId ? this.store.active(guildId) : null
    return guildId && name ? this.liveStory(guildId, name).engine : this.bundled
  }

  /**
   * Builds every server's active story now (start-up), so that no question waits for a story to
   * be read back from storage; returns how many were built.
   */
  preload(): number {
    const active = this.store.allActive()
    for (const { guildId, name } of active) this.liveStory(guildId, name)
    return active.length
  }

  /** The name of the server's active story. */
  activeName(guildId: string): string {
    return this.store.active(guildId) ?? BUNDLED_STORY
  }

  /** The server's stories, the bundled one first. */
  stories(guildId: string): StoryListing[] {
    const active = this.activeName(guildId).toLowerCase()
    return [
      { name: BUNDLED_STORY, articles: this.bundled.knowledge.articles.size, active: active === BUNDLED_STORY, bundled: true },
      ...this.store.list(guildId).map((story) => ({ name: story.name, articles: story.articles, active: story.name.toLowerCase() === active, bundled: false })),
    ]
  }

  /** The articles of the server's active story (none for the bundled story, which moderators cannot change). */
  articles(guildId: string): ArticleSummary[] {
    const name = this.store.active(guildId)
    return name ? this.store.summaries(guildId, name) : []
  }

  /** Makes a new, empty story and makes it the server's active story. */
  create(guildId: string, rawName: string, userId: string): StoryListing {
    const name = rawName.replace(/\s+/g, ' ').trim()
    if (!STORY_NAME.test(name)) throw new StoryError('Story names are 1–40 letters, digits, spaces or - _ . and start with a letter or digit.')
    if (name.toLowerCase() === BUNDLED_STORY) throw new StoryError(`“${BUNDLED_STORY}” is the story Byline ships with; pick another name.`)
    const existing = this.store.list(guildId)
    if (existing.length >= this.options.maxStoriesPerServer) {
      throw new StoryError(`This server already has ${existing.length} stories, the most it can keep; delete one you no longer need with /story delete.`)
    }
    if (!this.store.create(guildId, name, userId)) throw new StoryError(`This server already has a story called “${name}”; use /story use to switch to it.`)
    this.store.setActive(guildId, name)
    return { name, articles: 0, active: true, bundled: false }
  }

  /** Switches the server's active story (the bundled one included), built before it answers. */
  use(guildId: string, name: string): StoryListing {
    const wanted = name.trim().toLowerCase()
    const story = this.stories(guildId).find((each) => each.name.toLowerCase() === wanted)
    if (!story) throw new StoryError(`This server has no story called “${name.trim()}”; /story list shows them.`)
    if (!story.bundled) this.liveStory(guildId, story.name)
    this.store.setActive(guildId, story.bundled ? null : story.name)
    return { ...story, active: true }
  }

  /** Deletes one of the server's stories with its articles; the server goes back to the bundled story if it was active. */
  delete(guildId: string, name: string): StoryListing {
    const story = this.store.find(guildId, name.trim())
    if (!story) throw new StoryError(`This server has no story called “${name.trim()}”; /story list shows them.`)
    if (this.activeName(guildId).toLowerCase() === story.name.toLowerCase()) this.store.setActive(guildId, null)
    this.store.delete(guildId, story.name)
    this.live.delete(liveKey(guildId, story.name))
    return { name: story.name, articles: story.articles, active: false, bundled: false }
  }

  /** Fetches (or downloads) a page, reads it and adds it to the server's active story. */
  async add(guildId: string, userId: string, source: PageSource): Promise<ArticleReport> {
    const story = this.ownActiveStory(guildId)
    if (story.articles >= this.options.maxArticlesPerStory) {
      throw new StoryError(`“${story.name}” already holds ${story.articles} articles, the most a story can; remove one first.`)
    }
    if (this.store.addsInLastHour(guildId) >= this.options.addsPerHour) {
      const minutes = this.store.minutesUntilNextAdd(guildId)
      throw new StoryError(
        `This server has added ${this.options.addsPerHour} pages in the last hour, the most it can; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      )
    }
    const expected = 'file' in source ? attachmentType(source.file.name) : null
    if ('file' in source && source.file.size > (this.options.fetch.maxBytes ?? DEFAULT_FETCH_OPTIONS.maxBytes)) {
      throw new StoryError(
        `That file is larger than ${megabytes(this.options.fetch.maxBytes ?? DEFAULT_FETCH_OPTIONS.maxBytes)} MB; Byline reads pages up to that size.`,
      )
    }
    this.store.recordAdd(guildId)
    const page = await this.download('link' in source ? source.link : source.file.url)
    const contentType = expected ?? page.contentType
    let read
    try {
      read = readPage({
        bytes: page.bytes,
        contentType,
        charset: page.charset,
        url: 'link' in source ? page.url : null,
        fileName: 'file' in source ? source.file.name : null,
      })
    } catch (error) {
      if (error instanceof PageError) throw new StoryError(error.message)
      throw error
    }
    // The page's own address, else where the link led: answers link to it, and it tells a page added twice.
    const meta = { ...read.meta, url: read.meta.url ?? ('link' in source ? page.url : null) }
    const duplicate = this.store.duplicateOf(guildId, story.name, read.text, meta.url)
    if (duplicate) throw new StoryError(`That page is already in “${story.name}” (added ${duplicate.addedAt.slice(0, 10)}: ${describe(duplicate.meta)}).`)
    const stored = this.store.addArticle({
      guildId,
      story: story.name,
      source: 'link' in source ? source.link : source.file.name,
      finalUrl: 'link' in source ? page.url : null,
      contentType,
      raw: page.bytes,
      text: read.text,
      meta,
      found: read.meta.url === meta.url ? read.sources : { ...read.sources, url: 'link' },
      addedBy: userId,
    })
    return this.report(stored, this.liveStory(guildId, story.name).put(rawArticle(stored)))
  }

  /** Corrects what Byline read of an article (outlet, date, wire, title, byline); `null` clears a field. */
  fix(guildId: string, articleId: number, changes: Partial<PageMeta>): ArticleReport {
    const stored = this.ownArticle(guildId, articleId)
    if (changes.published && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(changes.published)) {
      throw new StoryError(`“${changes.published}” is not a date Byline can use: write it as YYYY-MM-DD (or YYYY-MM, or YYYY).`)
    }
    const meta = { ...stored.meta, ...changes }
    const found = { ...stored.found }
    for (const key of Object.keys(changes) as (keyof PageMeta)[]) found[key] = 'moderator'
    this.store.updateMeta(guildId, articleId, meta, found)
    const updated = { ...stored, meta, found }
    return this.report(updated, this.liveStory(guildId, stored.story).put(rawArticle(updated)))
  }

  /** Removes an article from its story; returns what it was. */
  remove(guildId: string, articleId: number): StoredArticle {
    const stored = this.ownArticle(guildId, articleId)
    this.store.removeArticle(guildId, articleId)
    this.live.get(liveKey(guildId, stored.story))?.remove(articleKey(stored.id))
    return stored
  }

  private ownActiveStory(guildId: string): { name: string; articles: number } {
    const name = this.store.active(guildId)
    if (!name) throw new StoryError('The bundled story cannot be changed: start this server’s own story with /story new first.')
    return { name, articles: this.liveStory(guildId, name).articleIds.length }
  }

  private ownArticle(guildId: string, articleId: number): StoredArticle {
    const stored = this.store.article(guildId, articleId)
    if (!stored) throw new StoryError('This server has no such article; pick one from the list /story offers.')
    return stored
  }

  private async download(url: string): Promise<FetchedPage> {
    try {
      return await fetchPage(url, this.options.fetch)
    } catch (error) {
      if (error instanceof FetchRefusal) throw new StoryError(error.message)
      throw error
    }
  }

  /** The live story, built from storage the first time a server needs it. */
  private liveStory(guildId: string, name: string): LiveStory {
    const key = liveKey(guildId, name)
    let story = this.live.get(key)
    if (!story) {
      story = new LiveStory(this.store.articles(guildId, name).map(rawArticle), this.language, this.bundled.options)
      this.live.set(key, story)
    }
    return story
  }

  private report(stored: StoredArticle, article: Article): ArticleReport {
    return {
      id: stored.id,
      story: stored.story,
      meta: stored.meta,
      found: stored.found,
      unknown: META_FIELDS.filter((field) => stored.meta[field] === null),
      passages: article.passages.length,
      articles: this.liveStory(stored.guildId, stored.story).articleIds.length,
    }
  }
}

/** One line naming an article: outlet, date and title, as far as known. */
export function describe(meta: PageMeta): string {
  return [meta.outlet ?? 'unknown outlet', meta.published, meta.title ? `“${meta.title}”` : null].filter(Boolean).join(' · ')
}

function attachmentType(name: string): string {
  const extension = /\.[^.]+$/.exec(name.toLowerCase())?.[0] ?? ''
  const type = FILE_TYPES[extension]
  if (!type) throw new StoryError('Attach a saved page as .html, .htm or .txt.')
  return type
}

const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024)
const liveKey = (guildId: string, name: string) => `${guildId}\u0000${name.toLowerCase()}`
const articleKey = (id: number) => `a${id}`

function rawArticle(stored: StoredArticle): RawArticle {
  const file = `${articleKey(stored.id)}.txt`
  return { file, text: stored.text, entry: { file, ...stored.meta } }
}
