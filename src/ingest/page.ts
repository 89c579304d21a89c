import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { cleanPage } from './clean.js'
import { dateWritten, detectMetadata, wireIn, withoutAgency } from './metadata.js'
import { decodeArticleText, SeedFileError } from './read.js'
import { splitSentences } from './segment.js'
import type { ArticleMeta } from './types.js'

/** Where a metadata field was read: JSON-LD, OpenGraph tags, other meta/link tags, the `<title>`, or the article text. */
export type MetaSource = 'json-ld' | 'opengraph' | 'meta' | 'title' | 'text'

/** One page read into article text and the facts it states about itself. */
export interface PageRead {
  /** Plain article text for the pipeline: headline line, blank line, then one paragraph per block, separated by blank lines. Verbatim words from the page (entities decoded, whitespace collapsed inside a paragraph). */
  text: string
  /** Same fields as an articles.json entry (outlet, wire, published as YYYY-MM-DD/YYYY-MM/YYYY, url, byline, title); null when unknown. */
  meta: ArticleMeta
  /** Where each known field came from. */
  sources: Partial<Record<keyof PageRead['meta'], MetaSource>>
  /**
   * Fields still unknown, in display order (title, outlet, byline, published, url), so the bot can say
   * "date unknown — set it with /story fix". A null wire is not listed: it means no agency is credited.
   */
  unknown: (keyof PageRead['meta'])[]
}

/** A page Byline cannot use; the message is one friendly line to show the moderator. */
export class PageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PageError'
  }
}

/** A fetched or uploaded page: its bytes and what the server or the file name says they are. */
export interface PageInput {
  bytes: Uint8Array
  /** 'text/html' | 'application/xhtml+xml' | 'text/plain' (parameters such as "; charset=…" are allowed). */
  contentType: string
  charset?: string | null
  /** Where the page was fetched from: the base for relative links in it. */
  url?: string | null
  fileName?: string | null
}

type Field = keyof ArticleMeta
type Found = Partial<Record<Field, string | null>>
type Candidate = [MetaSource, Found]
type Json = Record<string, unknown>

/** Merge order: the outlet before the wire, which is only a credit when it names someone else. */
const FIELDS: Field[] = ['title', 'outlet', 'wire', 'published', 'byline', 'url']
const DISPLAY_ORDER: Field[] = ['title', 'outlet', 'byline', 'published', 'url']

const NO_ARTICLE = 'That page has no article text Byline can find (is it a login or cookie page?).'
const MIN_SENTENCES = 2
const SNIFF_BYTES = 2048
const MAX_NAME_WORDS = 8

/** Elements whose text is one paragraph; the innermost ones are taken. */
const BLOCKS = new Set(['P', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE'])
const HEADING = /^H[2-6]$/
/** Elements never holding article text (captions included: they describe a picture, not the story). */
const SKIPPED = new Set(['NAV', 'ASIDE', 'HEADER', 'FOOTER', 'FORM', 'BUTTON', 'FIGURE', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SELECT'])
const TEXT_NODE = 3

const ARTICLE_TYPE = /(Article|BlogPosting|Report)$/
const TITLE_SEPARATOR = /^(.+)\s+(?:[|–—-]|::)\s+([^|–—:]+)$/
/** A date-time stamped in UTC ("…T02:31:08Z", "…+00:00"): it does not say which day it was where the outlet is. */
const UTC_TIME = /T\d.*(?:Z|[+-]00:?00)$/i
const ISO_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?(?=$|[T\s])/

/** Reads one page: HTML through Readability over linkedom; text as is. Pure (no I/O). */
export function readPage(input: PageInput): PageRead {
  const type = (input.contentType.split(';')[0] ?? '').trim().toLowerCase()
  if (type === 'text/plain') return readText(input)
  if (type === 'text/html' || type === 'application/xhtml+xml') return readHtml(input)
  throw new PageError(`Byline reads web pages and .html, .htm or .txt files, not ${type || 'files of unknown type'}.`)
}

function readText(input: PageInput): PageRead {
  let text: string
  try {
    text = decodeArticleText(input.fileName ?? 'The page', asUtf8(input.bytes, declaredCharset(input)))
  } catch (error) {
    if (error instanceof SeedFileError) throw new PageError(error.message)
    throw error
  }
  return { text, ...settle([['text', textFacts(text)]]) }
}

function readHtml(input: PageInput): PageRead {
  const html = decoderFor(declaredCharset(input) ?? sniffCharset(input.bytes)).decode(input.bytes)
  const document = parseDocument(html)
  const base = input.url ?? undefined
  const tags = metaTags(document)
  const page: Candidate[] = [
    ['json-ld', jsonLdFacts(document, base)],
    ['opengraph', openGraphFacts(tags, base)],
    ['meta', metaFacts(tags, document, base)],
    ['title', titleFacts(document)],
  ]
  const { title, outlet } = settle(page).meta
  const shown = [...document.querySelectorAll('time')].map((time) => dateWritten(time.textContent)).find(Boolean) ?? null
  // Readability changes the document it reads, so the metadata above is read first.
  const body = articleBody(document, html)
  const byline = body.byline && !sameName(body.byline.replace(/^by\s+/i, ''), outlet) ? body.byline : null
  const text = [title, byline, ...body.paragraphs].filter(Boolean).join('\n\n') + '\n'
  const stated = textFacts(text)
  const published = publishedOf(page, shown ?? stated.published ?? null)
  const undated: Candidate[] = page.map(([source, found]) => [source, { ...found, published: null }])
  return { text, ...settle([...(published ? [published] : []), ...undated, ['text', stated]]) }
}

/** What the text states (see detectMetadata); a "By …" line that is a sentence, not a name, is no byline. */
function textFacts(text: string): Found {
  const detected = detectMetadata(text)
  return { ...detected, byline: nameOf(detected.byline) }
}

/** Picks each field from the first source that knows it, and lists the fields none knows. */
function settle(candidates: Candidate[]): Omit<PageRead, 'text'> {
  const meta: ArticleMeta = { outlet: null, wire: null, published: null, url: null, byline: null, title: null }
  const sources: PageRead['sources'] = {}
  for (const field of FIELDS) {
    const hit = candidates.find(([source, found]) => found[field] && (field !== 'wire' || source === 'text' || !sameName(found[field], meta.outlet)))
    if (!hit) continue
    meta[field] = hit[1][field] ?? null
    sources[field] = hit[0]
  }
  meta.title = meta.title && stripOutlet(meta.title, meta.outlet)
  return { meta, sources, unknown: DISPLAY_ORDER.filter((field) => meta[field] === null) }
}

// ---- Decoding ----

function declaredCharset(input: PageInput): string | null {
  return input.charset ?? /;\s*charset\s*=\s*"?([\w.:-]+)/i.exec(input.contentType)?.[1] ?? null
}

/** The charset a `<meta charset>` or `<meta http-equiv="Content-Type">` declares in the page's first bytes. */
function sniffCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, SNIFF_BYTES))
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1] ?? null
}

/** A lenient decoder for a charset label; an unknown or missing label reads as UTF-8. */
function decoderFor(label: string | null): TextDecoder {
  try {
    return new TextDecoder(label ?? 'utf-8')
  } catch {
    return new TextDecoder('utf-8')
  }
}

/** The bytes as UTF-8: as they are when declared UTF-8 (so invalid UTF-8 is still caught), else transcoded. */
function asUtf8(bytes: Uint8Array, label: string | null): Uint8Array {
  const decoder = decoderFor(label)
  return decoder.encoding === 'utf-8' ? bytes : new TextEncoder().encode(decoder.decode(bytes))
}

/** Parses HTML; markup missing its `<html>` or `<body>` is wrapped in them first, which linkedom needs. */
function parseDocument(html: string): Document {
  if (/<html[\s>]/i.test(html) && /<body[\s>]/i.test(html)) return parseHTML(html).document
  const inner = html.replace(/<!doctype[^>]*>|<\/?(?:html|body)\b[^>]*>/gi, '')
  return parseHTML(`<!DOCTYPE html><html><body>${inner}</body></html>`).document
}

// ---- Article body ----

interface Body {
  paragraphs: string[]
  /** A "By …" line Readability lifted out of the body, kept as page text. */
  byline: string | null
}

/** The article's paragraphs: Readability's pick, else the page's `<article>` or `<main>`. */
function articleBody(document: Document, html: string): Body {
  const parsed = new Readability<Node>(document, { serializer: (node) => node }).parse()
  const paragraphs = parsed?.content ? paragraphsIn(parsed.content) : []
  if (enoughText(paragraphs)) {
    const lifted = collapse(parsed?.byline ?? '')
    const named = nameOf(lifted)
    return { paragraphs, byline: /^by\s/i.test(lifted) ? lifted : named && `By ${named}` }
  }
  const fresh = parseDocument(html)
  const container = fresh.querySelector('article') ?? fresh.querySelector('main')
  const fallback = container ? paragraphsIn(container) : []
  if (enoughText(fallback)) return { paragraphs: fallback, byline: null }
  throw new PageError(NO_ARTICLE)
}

/** True when the paragraphs hold at least two sentences the pipeline would keep as article text. */
function enoughText(paragraphs: string[]): boolean {
  const kept = cleanPage(paragraphs.join('\n\n')).paragraphs
  return kept.flatMap((span) => splitSentences(span)).length >= MIN_SENTENCES
}

/**
 * The text of each innermost block element under a node, in page order. Blocks that are only
 * links (related-story and navigation lists) are dropped, and so is a heading with nothing under it.
 */
function paragraphsIn(root: Node): string[] {
  const blocks = blockNodes(root)
    .filter((node) => collapse(textOf(node, false)) !== '')
    .map((node) => ({ text: collapse(textOf(node, true)), heading: HEADING.test(node.nodeName) }))
  return blocks
    .filter((block, i) => {
      const next = blocks[i + 1]
      return !block.heading || (next !== undefined && !next.heading)
    })
    .map((block) => block.text)
}

function blockNodes(node: Node): Node[] {
  if (SKIPPED.has(node.nodeName)) return []
  const inner = [...node.childNodes].flatMap(blockNodes)
  return BLOCKS.has(node.nodeName) && inner.length === 0 ? [node] : inner
}

/** A node's text, a line break read as a space; with `links` false, the text outside links. */
function textOf(node: Node, links: boolean): string {
  if (node.nodeType === TEXT_NODE) return node.nodeValue ?? ''
  if (node.nodeName === 'BR') return ' '
  if (SKIPPED.has(node.nodeName) || (!links && node.nodeName === 'A') || isFootnoteMark(node)) return ''
  return [...node.childNodes].map((child) => textOf(child, links)).join('')
}

/** A superscript footnote number ("…went.¹" as `<sup><a>1</a></sup>`), which is not part of the sentence. */
function isFootnoteMark(node: Node): boolean {
  return node.nodeName === 'SUP' && /^\s*\[?\d{1,3}\]?\s*$/.test(node.textContent ?? '')
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

// ---- Metadata ----

/** The headline, date, authors, publisher and address of the page's Article in its JSON-LD. */
function jsonLdFacts(document: Document, base: string | undefined): Found {
  const nodes = [...document.querySelectorAll('script')]
    .filter((script) => script.getAttribute('type')?.trim().toLowerCase() === 'application/ld+json')
    .flatMap((script) => nodesIn(parseJson(script.textContent)))
  const article = nodes.find((node) => listOf(node['@type']).some((type) => typeof type === 'string' && ARTICLE_TYPE.test(type)))
  if (!article) return {}
  const byId = new Map(nodes.flatMap((node) => (typeof node['@id'] === 'string' ? [[node['@id'], node] as const] : [])))
  const resolve = (value: unknown): unknown => (isRecord(value) && typeof value['@id'] === 'string' ? { ...byId.get(value['@id']), ...value } : value)
  const namesOf = (value: unknown) => listOf(value).flatMap((item) => nameOf(resolve(item)) ?? [])
  const page = resolve(article.mainEntityOfPage)
  const urls = [article.url, page, isRecord(page) ? page.url : null, isRecord(page) ? page['@id'] : null]
  const organisations = listOf(article.author).filter((author) => isOrganisation(resolve(author)))
  return {
    title: stringOf(article.headline),
    published: stringOf(listOf(article.datePublished)[0]),
    // An organisation credited as author is the outlet writing as itself ("BBC News"), not a byline.
    outlet: namesOf(article.publisher)[0] ?? namesOf(organisations)[0] ?? null,
    ...creditOf(
      namesOf(listOf(article.author).filter((author) => !organisations.includes(author))),
      namesOf([...listOf(article.author), article.creditText, article.copyrightHolder, article.sourceOrganization]),
    ),
    url: urls.map((url) => absoluteUrl(stringOf(url), base)).find(Boolean) ?? null,
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return null
  }
}

/** The objects of a JSON-LD block: top-level items, `@graph` members and a page's `mainEntity`. */
function nodesIn(value: unknown): Json[] {
  return listOf(value)
    .filter(isRecord)
    .flatMap((node) => [node, ...nodesIn(node['@graph']), ...nodesIn(node.mainEntity)])
}

/** A JSON-LD node for an organisation (an outlet credited as author is not a byline). */
function isOrganisation(value: unknown): boolean {
  return isRecord(value) && listOf(value['@type']).some((type) => typeof type === 'string' && type.endsWith('Organization'))
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function listOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value as unknown[]
  return value === undefined || value === null ? [] : [value]
}

function stringOf(value: unknown): string | null {
  return typeof value === 'string' ? collapse(value) || null : null
}

/** A person or organisation name from a string or an object's `name`: capitalised, short, not a sentence or a URL. */
function nameOf(value: unknown): string | null {
  const name = stringOf(isRecord(value) ? value.name : value)?.replace(/^by\s+/i, '')
  const sentence = /(?<!\b(?:Jr|Sr|\p{Lu}))[.!?]$/u
  return name && /^\p{Lu}/u.test(name) && !sentence.test(name) && !/^www\.|:\/\//i.test(name) && name.split(' ').length <= MAX_NAME_WORDS ? name : null
}

/** The byline from author names (a credited agency is the wire, not a byline) and the wire any credit names. */
function creditOf(authors: string[], credits: string[] = []): Found {
  const people = [...new Set(authors.flatMap((name) => withoutAgency(name) ?? []))]
  const byline = people.length > 1 ? `${people.slice(0, -1).join(', ')} and ${people.at(-1) ?? ''}` : (people[0] ?? null)
  return { byline, wire: [...authors, ...credits].map(wireIn).find(Boolean) ?? null }
}

/** The date part of an ISO date-time as the page wrote it (its own offset, never shifted to UTC). */
function isoDate(value: string | null): string | null {
  return value ? (ISO_DATE.exec(value)?.[0] ?? null) : null
}

function absoluteUrl(value: string | null, base: string | undefined): string | null {
  if (!value || !URL.canParse(value, base)) return null
  const url = new URL(value, base)
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
}

/** Every `<meta>` content by its lower-cased property or name; the first of each wins. */
function metaTags(document: Document): Map<string, string> {
  const tags = new Map<string, string>()
  for (const meta of document.querySelectorAll('meta')) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name'))?.trim().toLowerCase()
    const content = stringOf(meta.getAttribute('content'))
    if (key && content && !tags.has(key)) tags.set(key, content)
  }
  return tags
}

function openGraphFacts(tags: Map<string, string>, base: string | undefined): Found {
  const author = nameOf(tags.get('article:author'))
  return {
    outlet: tags.get('og:site_name') ?? null,
    title: tags.get('og:title') ?? null,
    published: tags.get('article:published_time') ?? null,
    ...creditOf(author ? [author] : []),
    url: absoluteUrl(tags.get('og:url') ?? null, base),
  }
}

/** Meta tags, microdata (`itemprop`) and the page's `<time>` elements. */
function metaFacts(tags: Map<string, string>, document: Document, base: string | undefined): Found {
  const item = (name: string) => document.querySelector(`[itemprop="${name}"]`)
  const itemValue = (name: string) => {
    const element = item(name)
    return stringOf(element?.getAttribute('content') ?? element?.getAttribute('datetime') ?? element?.getAttribute('href') ?? element?.textContent)
  }
  const author = nameOf(tags.get('author')) ?? nameOf(item('author')?.querySelector('[itemprop="name"]')?.textContent ?? itemValue('author'))
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? itemValue('mainEntityOfPage')
  const times = [...document.querySelectorAll('time')].filter((time) => !/updated|modified/i.test(time.parentElement?.textContent.slice(0, 40) ?? ''))
  return {
    ...creditOf(author ? [author] : []),
    url: absoluteUrl(canonical, base),
    published: itemValue('datePublished') ?? stringOf(times[0]?.getAttribute('datetime')),
    title: itemValue('headline'),
  }
}

/**
 * The day the page was published, as the outlet dates it: a stamp written with the outlet's own
 * offset (or a bare date); else the day the page shows its readers, when it is within a day of a UTC
 * stamp's (a UTC time is already tomorrow late in an American evening, still yesterday early in an
 * Asian morning); else that UTC day.
 */
function publishedOf(candidates: Candidate[], shown: string | null): Candidate | null {
  const stamped = candidates.flatMap(([source, found]): [MetaSource, string][] => {
    const day = isoDate(found.published ?? null)
    return found.published && day ? [[source, found.published]] : []
  })
  const local = stamped.find(([, stamp]) => !UTC_TIME.test(stamp))
  if (local) return [local[0], { published: isoDate(local[1]) }]
  const [utc] = stamped
  const utcDay = utc ? isoDate(utc[1]) : null
  if (shown && (!utcDay || Math.abs(daysBetween(shown, utcDay)) <= 1)) return ['text', { published: shown }]
  return utc ? [utc[0], { published: utcDay }] : null
}

/** Whole days from one `YYYY-MM-DD` to another (NaN when either is less precise). */
function daysBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 86_400_000
}

/** The `<title>` (not an SVG icon's), and the outlet it names after a final " | " or " - ". */
function titleFacts(document: Document): Found {
  const title = stringOf([...document.querySelectorAll('title')].find((element) => !element.closest('svg'))?.textContent)
  const outlet = title ? (TITLE_SEPARATOR.exec(title)?.[2]?.trim() ?? null) : null
  return { title, outlet: outlet && /^[\p{Lu}\d]/u.test(outlet) && outlet.split(' ').length <= 6 ? outlet : null }
}

/** A title without a trailing " | Outlet" or " - Outlet" naming the page's outlet. */
function stripOutlet(title: string, outlet: string | null): string {
  const [, head, tail] = TITLE_SEPARATOR.exec(title) ?? []
  return head && tail && sameName(tail, outlet) ? head.trim() : title
}

/** Same outlet name, ignoring case, spacing and a leading "The". */
function sameName(a: string | null | undefined, b: string | null | undefined): boolean {
  const key = (name: string | null | undefined) =>
    collapse(name ?? '')
      .toLowerCase()
      .replace(/^the /, '')
  return key(a) !== '' && key(a) === key(b)
}
