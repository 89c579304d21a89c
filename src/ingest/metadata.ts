import { readFile } from 'node:fs/promises'
import * as chrono from 'chrono-node'
import { z } from 'zod'
import type { ArticleMeta } from './types.js'
import { DATELINE_PLACE } from './clean.js'
import { splitLines } from './segment.js'

const isoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date as YYYY-MM-DD, YYYY-MM or YYYY')
  .nullable()

export const articleEntrySchema = z.strictObject({
  file: z.string().min(1),
  outlet: z.string().min(1).nullable(),
  wire: z.string().min(1).nullable(),
  published: isoDate,
  /** The day relative dates resolve against, when `published` is less precise than a day. */
  referenceDate: isoDate.optional(),
  url: z.url().nullable(),
  byline: z.string().min(1).nullable(),
  title: z.string().min(1).nullable(),
  note: z.string().optional(),
})

export const metadataFileSchema = z.strictObject({ articles: z.array(articleEntrySchema) })

export type ArticleEntry = z.infer<typeof articleEntrySchema>

/**
 * Loads and validates the metadata file. A missing file means "no metadata" (every article's
 * facts are then read from its text); an invalid one throws, naming the file and the field.
 */
export async function loadMetadata(path: string): Promise<Map<string, ArticleEntry>> {
  let raw: string
  try {
    raw = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map()
    throw new Error(`${path}: cannot be read (${String(error)})`)
  }
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch (error) {
    throw new Error(`${path}: is not valid JSON (${(error as Error).message})`)
  }
  const parsed = metadataFileSchema.safeParse(json)
  if (!parsed.success) {
    const [issue] = parsed.error.issues
    if (!issue) throw new Error(`${path}: ${parsed.error.message}`)
    throw new Error(`${path}: ${issue.path.join('.') || 'file'}: ${issue.message}`)
  }
  return new Map(parsed.data.articles.map((entry) => [entry.file, entry]))
}

/** News agencies whose copy other outlets carry. */
const WIRES: [RegExp, string][] = [
  [/\bReuters\b/, 'Reuters'],
  [/\bBloomberg\b/, 'Bloomberg'],
  [/\bAssociated Press\b|\(AP\)|^AP$/, 'Associated Press'],
  [/^CNN$|\(CNN\)/, 'CNN'],
  [/\bAgence France-Presse\b|\bAFP\b/, 'AFP'],
  [/\bXinhua\b/, 'Xinhua'],
  [/\bDow Jones\b/, 'Dow Jones'],
]

/** The news agency a credit, dateline or copyright line names, or null. */
export function wireIn(text: string): string | null {
  return WIRES.find(([pattern]) => pattern.test(text))?.[1] ?? null
}

/** The agency in a dateline: "WASHINGTON, Oct 7 (Reuters) -", "NEW YORK (AP) —", "(CNN) —". */
const DATELINE_SOURCE = new RegExp(String.raw`^(?:${DATELINE_PLACE}\s*)?\(([A-Za-z .]+)\)\s*[-—–]{1,2}`, 'm')
const BYLINE_START = /^by\s/i

/** The day a parsed date names, as written: never shifted by the machine's or UTC's time zone. */
function toIso(date: chrono.ParsedComponents): string {
  const pad = (value: number | null) => String(value ?? 1).padStart(2, '0')
  return `${String(date.get('year'))}-${pad(date.get('month'))}-${pad(date.get('day'))}`
}

/** The day a text names with its year ("March 4, 2025 at 7:45 p.m. CST" → 2025-03-04), as written; null when it names none. */
export function dateWritten(text: string): string | null {
  const found = chrono.parse(text)[0]
  return found?.start.isCertain('year') && found.start.isCertain('day') ? toIso(found.start) : null
}

/**
 * A credit line's person or people without the agency it names ("JOSH FUNK Associated Press",
 * "Jane Roe, Reuters" → the name), or null when only an agency is credited.
 */
export function withoutAgency(credit: string): string | null {
  let rest = credit
  for (const [pattern] of WIRES) rest = rest.replace(new RegExp(pattern.source, 'g'), ' ')
  rest = rest
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;/|–—-]+|[\s,;/|–—-]+$/g, '')
    .replace(/^the\b\s*|\s*\b(?:for|of|the)$/gi, '')
  return /\p{L}{2,}/u.test(rest) && !AGENCY_DESK.test(rest) ? rest : null
}

/** What is left of an agency's own credit once its name is taken out ("Bloomberg News", "Reuters staff"). */
const AGENCY_DESK = /^(?:news|staff|wires?|services?|newsroom|reports?)$/i

/** A "By …" line that credits names ("By JANE ROE and Tom Li, Reuters"), not a sentence ("By continuing, I agree…"). */
function creditsNames(line: string): boolean {
  return /^\p{Lu}/u.test(line) && line.split(/\s+/).length <= 12 && !/[,;]\s*\p{Ll}/u.test(line)
}

/** "Headline - Outlet", "Headline | Outlet": a page title naming its site. */
const TITLE_AND_OUTLET = /^(.{20,}?)\s+[-|–]\s+([A-Z][\w .&'-]{1,40})$/
const SEPARATOR = /\s[|–-]\s/g

/**
 * The name a copyright line gives its holder: "© 2025 Food Safety Dispatch, a publication of …" →
 * Food Safety Dispatch; "© Thomson Reuters 2022 All rights reserved." → Thomson Reuters. Null when it gives none.
 */
export function copyrightHolder(line: string): string | null {
  const name = line
    .replace(/^(?:\(c\)|©|copyright)(?:\s*(?:\(c\)|©))?\s*/i, '')
    .replace(/\b(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\b/g, ' ')
    .split(/[.,;|]|\ball rights\b|\bthis material\b/i)[0]
    ?.replace(/\s+/g, ' ')
    .trim()
  return name && /^[\p{Lu}\d]/u.test(name) && name.length <= 60 && name.split(' ').length <= 8 ? name : null
}

/** A company's name, by its legal form: an owner, not a masthead. */
const CORPORATE = /\b(?:Inc|LLC|L\.L\.C|Corp|Corporation|Co|Ltd|LP|PLC|Holdings)\.?$/

/** The name a menu line opens with in capitals, as mastheads are set: "WKAV 8 NEWS | Watch Live | News | …". Null when none does. */
function mastheadIn(lines: string[]): string | null {
  const menu = lines.find((line) => (line.match(SEPARATOR)?.length ?? 0) >= 2)
  const first = menu?.split(SEPARATOR)[0]?.trim() ?? ''
  return /^[\p{Lu}\d][\p{Lu}\d &'.-]*$/u.test(first) && first.split(/\s+/).length >= 2 ? first : null
}

/** A line that states a publication label: "Published: Mar. 8, 2025", "Posted Oct 7", or "Updated …". */
const PUBLISHED_LABEL = /^(?:published|posted)(?: on)?\s*:?\s*(.*)$/i
const UPDATED_LABEL = /^updated(?: on)?\s*:?\s*(.*)$/i

/**
 * The day a page says it was published, or null: a labelled date ("Published Oct 8, 2020"); else the
 * date its credit gives ("By Nora Quist | March 11, 2025") or the line right after the credit
 * ("October 6, 2025 at 6:42 p.m."); else a date the page says was later updated ("March 5, 2025 ·
 * Updated 1:15 p.m."); else an "Updated" label. Never a bare display date elsewhere on the page.
 */
function publishedIn(lines: string[], bylineAt: number): string | null {
  const labelled = (label: RegExp) =>
    lines
      .map((line, i) => {
        const found = label.exec(line)
        // A label with nothing after it ("Published:") dates the line below it.
        const date = found ? chrono.parse(found[1] === '' ? (lines[i + 1] ?? '') : (found[1] ?? ''))[0]?.start : undefined
        return date?.isCertain('year') ? toIso(date) : null
      })
      .find(Boolean) ?? null
  const credited = bylineAt >= 0 ? (creditLine(lines[bylineAt] ?? '').date ?? dateLine(lines[bylineAt + 1] ?? '')) : null
  const updatedLater = lines.map((line) => (/[·|]\s*updated\b/i.test(line) ? dateLine(line.split(/[·|]\s*updated/i)[0] ?? '') : null)).find(Boolean) ?? null
  return labelled(PUBLISHED_LABEL) ?? credited ?? updatedLater ?? labelled(UPDATED_LABEL)
}

/** A credit line's names and the date a part of it states: "By Nora Quist | March 11, 2025" → Nora Quist, 2025-03-11. */
function creditLine(line: string): { credit: string; date: string | null } {
  const parts = line.replace(BYLINE_START, '').split(SEPARATOR)
  const dates = parts.map(dateWritten)
  return {
    credit: parts
      .filter((_, i) => dates[i] === null)
      .join(' | ')
      .trim(),
    date: parts.length > 1 ? (dates.find(Boolean) ?? null) : null,
  }
}

/** The date a line states with nothing else but a time of day: "October 6, 2025 at 6:42 p.m.", "November 6, 2025 | 5:55 AM". */
function dateLine(line: string): string | null {
  const found = chrono.parse(line)[0]
  if (!found?.start.isCertain('year') || !found.start.isCertain('day')) return null
  const rest = line.replace(found.text, ' ').replace(/\b(?:at|[ap]\.?m\.?|[A-Z]{2,3}T)(?=\W|$)/gi, ' ')
  return /\p{L}{2,}/u.test(rest) ? null : toIso(found.start)
}

/**
 * Reads the facts a page states about itself: its headline, the outlet it names ("originally
 * published by X", "Headline - Outlet"), a credited wire ("By Reuters", "(c) 2020 Bloomberg LP"),
 * a labelled publication date ("Published Oct 8, 2020"; never a bare display date) and a byline.
 * What the page does not state stays null.
 */
export function detectMetadata(file: string): ArticleMeta {
  const lines = splitLines(file)
    .map((line) => line.text.trim())
    .filter(Boolean)
  const meta: ArticleMeta = { outlet: null, wire: null, published: null, url: null, byline: null, title: null }

  const reprinted = /originally (?:published|appeared) (?:by|in|on) (.+?)(?: and | is |[.,;]|$)/i.exec(file)?.[1]
  if (reprinted) meta.outlet = reprinted.trim()

  const counts = new Map<string, number>()
  for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1)
  const headline = (line: string) => line.split(/\s+/).length >= 4 && line.split(/\s+/).length <= 25 && !/[.!]$/.test(line)
  const repeated = lines.find((line) => (counts.get(line) ?? 0) > 1 && headline(line))
  // The page's title, as a saved page opens with it: "Headline - Outlet". One separator only: a line of several is a menu.
  const suffixed = TITLE_AND_OUTLET.exec(lines[0] ?? '')
  if (suffixed && (lines[0]?.match(SEPARATOR)?.length ?? 0) === 1) {
    const [, title = '', outlet = ''] = suffixed
    meta.title = title.trim()
    meta.outlet ??= outlet.trim()
  }
  meta.title ??= repeated ?? null

  // "By Nora Quist | March 11, 2025": the credit, without the date beside it.
  const byLabel = lines.findIndex((line) => /^by$/i.test(line))
  const byAt = byLabel >= 0 ? byLabel + 1 : lines.findIndex((line) => BYLINE_START.test(line) && creditsNames(creditLine(line).credit))
  const credited = byAt >= 0 ? creditLine(lines[byAt] ?? '').credit : undefined
  const byLine = credited && creditsNames(credited) ? credited : undefined
  const reported = /[Rr]eported by ([A-Z][^,(\n]+?)(?:,|\(|$)/m.exec(file)?.[1]
  if (reported) meta.byline = reported.trim()
  else if (byLine) meta.byline = withoutAgency(byLine)
  meta.published = publishedIn(lines, byAt)

  const copyrights = file.match(/(?:\(c\)|©|copyright)[^\n]*/gi) ?? []
  const dateline = DATELINE_SOURCE.exec(file)?.[1] ?? ''
  const credit = [byLine ?? '', ...copyrights, dateline]
  meta.wire = credit.map(wireIn).find(Boolean) ?? null
  // The page's own footer comes last: "© 2025 The Ohio Valley Dispatch" after the story's "Copyright 2025 The Associated Press".
  const holder = copyrightHolder(copyrights.at(-1) ?? '')
  const owner = holder !== null && CORPORATE.test(holder)
  // A company that owns the station ("Nexbridge Media Inc.") is not the outlet its masthead names ("WKAV 8 NEWS").
  meta.outlet ??= (owner ? null : holder && (wireIn(holder) ?? holder)) ?? mastheadIn(lines) ?? holder
  // A page whose dateline names the agency ("(Reuters) -") and no outlet of its own is that agency's report.
  meta.outlet ??= wireIn(dateline)
  // A headline on the first line: words but no closing full stop, before the body.
  const first = lines[0]
  if (!meta.title && first && lines.length > 1 && headline(first) && !BYLINE_START.test(first) && !DATELINE_SOURCE.test(first)) meta.title = first
  return meta
}
