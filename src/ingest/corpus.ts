import { readdir, stat } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import { type AnchorDate, annotateDates } from './annotate/dates.js'
import { kindOfName, loadLanguage } from '../language/index.js'
import { annotateEntities } from './annotate/entities.js'
import { annotateQuotes } from './annotate/quotes.js'
import { type CleanResult, cleanPage } from './clean.js'
import { type ArticleEntry, detectMetadata, loadMetadata } from './metadata.js'
import { readArticleFile, SeedFileError } from './read.js'
import { canonicalizeEntities } from './resolve.js'
import { splitSentences } from './segment.js'
import { linkSyndicated } from './syndication.js'
import type { Article, ArticleMeta, Corpus, EntityMention, LoadError, Passage, Sentence } from './types.js'

export interface LoadOptions {
  /** Metadata file name inside the folder. */
  metadataFile: string
}

const DEFAULTS: LoadOptions = { metadataFile: 'articles.json' }

/** A raw page with its known facts, before annotation. */
export interface RawArticle {
  file: string
  text: string
  entry?: ArticleEntry
}

/**
 * Loads every `.txt` article in a folder with its metadata, cleans, segments and annotates it.
 * A bad file is reported in `errors` (naming the file) and the rest still load; a bad metadata
 * file throws, since every credit would be in doubt.
 */
export async function loadCorpus(dir: string, options: Partial<LoadOptions> = {}): Promise<Corpus> {
  const { metadataFile } = { ...DEFAULTS, ...options }
  const info = await stat(dir).catch(() => null)
  if (!info) throw new SeedFileError(dir, 'no such folder: point --seeds or BYLINE_SEEDS_DIR at a folder of .txt articles')
  if (!info.isDirectory()) throw new SeedFileError(dir, 'is a file, not a folder: point --seeds or BYLINE_SEEDS_DIR at a folder of .txt articles')
  const metadata = await loadMetadata(join(dir, metadataFile))
  const files = (await readdir(dir)).filter((name) => extname(name).toLowerCase() === '.txt').sort()
  if (files.length === 0) throw new SeedFileError(dir, 'holds no .txt articles: add saved article pages, one .txt file each')
  const raws: RawArticle[] = []
  const errors: LoadError[] = []
  for (const listed of metadata.keys()) {
    if (!files.includes(listed)) errors.push({ file: listed, message: `${metadataFile} lists ${listed}, which is not in ${dir}` })
  }
  for (const file of files) {
    try {
      raws.push({ file, text: await readArticleFile(join(dir, file), file), entry: metadata.get(file) })
    } catch (error) {
      errors.push({ file, message: error instanceof SeedFileError ? error.message : `${file}: ${String(error)}` })
    }
  }
  const articles = buildArticles(raws)
  for (const article of articles) {
    if (article.passages.length === 0) {
      errors.push({
        file: article.file,
        message: `${article.file}: no article text found (${article.removed.length} lines taken for page furniture); nothing in it can be quoted`,
      })
    }
  }
  return { articles, errors }
}

function metaFor(raw: RawArticle): Pick<Article, keyof ArticleMeta | 'provenance'> {
  const detected = detectMetadata(raw.text)
  const provenance: Article['provenance'] = {}
  const meta = {} as ArticleMeta
  for (const key of ['outlet', 'wire', 'published', 'url', 'byline', 'title'] as const) {
    if (raw.entry) {
      meta[key] = raw.entry[key]
      if (meta[key] !== null) provenance[key] = 'metadata'
    } else {
      meta[key] = detected[key]
      if (meta[key] !== null) provenance[key] = 'text'
    }
  }
  return { ...meta, provenance }
}

/**
 * Capitalised words seen after the first word of a sentence: names, as opposed to sentence openers.
 * A dictionary word counts only where it ends a name or stands alone: "Regional" of "the Regional
 * Aviators Association" leaves "Regional carriers lean on …" a sentence opener.
 */
function properNounsOf(sentences: string[]): Set<string> {
  const language = loadLanguage()
  const words = new Set<string>()
  for (const sentence of sentences) {
    for (const match of sentence.slice(1).matchAll(/(?<=[\s(“"‘-])(\p{Lu}[\p{L}’'.-]*)(?=(\s+\p{Lu})?)/gu)) {
      const word = match[1]?.replace(/(['’]s|['’.])$/, '') ?? ''
      if (match[2] === undefined || !language.isWord(word.toLowerCase())) words.add(word)
    }
  }
  return words
}

/** A page cleaned and split into sentences, once: both the story-wide names and the annotation read it. */
export interface SegmentedPage {
  raw: RawArticle
  clean: CleanResult
  /** The sentences of each kept paragraph. */
  sentences: Sentence[][]
}

/** Cleans a raw page and splits its paragraphs into sentences (pure). */
export function segmentPage(raw: RawArticle): SegmentedPage {
  const clean = cleanPage(raw.text)
  return { raw, clean, sentences: clean.paragraphs.map((paragraph) => splitSentences(paragraph)) }
}

/** The names written in capitals across some pages, which tells names from sentence openers when annotating any of them. */
export function properNounsOfPages(pages: SegmentedPage[]): Set<string> {
  return properNounsOf(pages.flatMap((page) => page.sentences.flat().map((sentence) => sentence.text)))
}

/**
 * Annotates one segmented page on its own (pure; no I/O). Entity names are as the page writes
 * them until the story-wide steps resolve them across the story.
 */
export function annotateArticle(page: SegmentedPage, properNouns: Set<string>): Article {
  const { raw, clean } = page
  const id = basename(raw.file, extname(raw.file))
  const meta = metaFor(raw)
  const reference = raw.entry?.referenceDate ?? meta.published
  const earlier: AnchorDate[] = []
  const language = loadLanguage()
  const isPersonNoun = (word: string) => language.isPersonNoun(word)
  const isCommonPlural = (word: string) => language.isCommonPlural(word)
  // "Yvette Albright became …": a name the page has not yet called anyone is a person's by a lexicon of given names,
  // and "Lindqvist rejected …" is a person's surname the page gave in full before.
  const surnames = new Set<string>()
  const isPerson = (entity: EntityMention) =>
    entity.type === 'person' || (entity.type === 'other' && (kindOfName(entity.name) === 'person' || surnames.has(entity.name)))
  let lastPerson: string | null = null
  let lastOrganisation: string | null = null
  let previousSpeaker: string | null = null
  const passages = clean.paragraphs.map((span, index): Passage => {
    const sentences = page.sentences[index] ?? []
    const entities: EntityMention[] = sentences.flatMap((sentence) =>
      annotateEntities(sentence.text, { properNouns, isPersonNoun, isCommonPlural }).map((entity) => ({
        ...entity,
        offset: entity.offset + sentence.start - span.start,
      })),
    )
    const bounds = sentences.map((sentence) => ({ start: sentence.start - span.start, end: sentence.end - span.start }))
    const dates = annotateDates(span.text, { reference, earlier, sentences: bounds })
    for (const entity of entities) if (entity.name.includes(' ') && isPerson(entity)) surnames.add(entity.name.split(/\s+/).at(-1) ?? '')
    const quotes = annotateQuotes(span.text, entities, { lastPerson, lastOrganisation, previousSpeaker, isPerson })
    const sentenceAt = (offset: number) => bounds.find((bound) => bound.start <= offset && offset < bound.end) ?? { start: 0, end: span.text.length }
    earlier.push(
      ...dates.filter((date) => date.iso).map((date) => ({ ...date, sentence: span.text.slice(sentenceAt(date.offset).start, sentenceAt(date.offset).end) })),
    )
    lastPerson = entities.filter(isPerson).at(-1)?.name ?? lastPerson
    lastOrganisation = entities.filter((entity) => entity.type === 'organisation').at(-1)?.name ?? lastOrganisation
    const lastQuote = quotes.at(-1)
    previousSpeaker = lastQuote && lastQuote.offset + lastQuote.text.length >= span.text.length - 20 ? lastQuote.speaker : null
    return {
      id: `${id}#${index + 1}`,
      article: id,
      paragraph: index + 1,
      start: span.start,
      end: span.end,
      text: span.text,
      sentences,
      dates,
      entities,
      quotes,
      alsoIn: [],
    }
  })
  return { id, file: raw.file, ...meta, passages, removed: clean.removed }
}

/** Turns raw pages into annotated, cross-linked articles (pure; no I/O). */
export function buildArticles(raws: RawArticle[]): Article[] {
  const pages = raws.map(segmentPage)
  const properNouns = properNounsOfPages(pages)
  const articles = pages.map((page) => annotateArticle(page, properNouns))
  // The story-wide steps: one canonical name per entity, and the passages other articles carry.
  canonicalizeEntities(articles)
  linkSyndicated(articles.flatMap((article) => article.passages))
  return articles
}
