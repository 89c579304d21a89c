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
  const suffixed = lines.map((line) => /^(.{20,}?)\s+[-|–]\s+([A-Z][\w .&'-]{1,40})$/.exec(line)).find(Boolean)
  if (suffixed) {
    const [, title = '', outlet = ''] = suffixed
    meta.title = title.trim()
    meta.outlet ??= outlet.trim()
  }
  meta.title ??= repeated ?? null

  // "Updated" dates the page only when it states no publication date.
  for (const labels of [/^(published|posted)(?: on)?\s*:?\s*(.*)$/i, /^(updated)(?: on)?\s*:?\s*(.*)$/i]) {
    for (const [i, line] of lines.entries()) {
      const label = labels.exec(line)
      if (!label || meta.published) continue
      // A label with nothing after it ("Published:") dates the line below it.
      const [, , stated = ''] = label
      const target = stated || (lines[i + 1] ?? '')
      const found = chrono.parse(target)[0]
      if (found?.start.isCertain('year')) meta.published = toIso(found.start)
    }
  }

  const byLabel = lines.findIndex((line) => /^by$/i.test(line))
  const stated = byLabel >= 0 ? lines[byLabel + 1] : /^by\s+(.+)$/im.exec(file)?.[1]
  const byLine = stated && creditsNames(stated.trim()) ? stated.trim() : undefined
  const reported = /[Rr]eported by ([A-Z][^,(\n]+?)(?:,|\(|$)/m.exec(file)?.[1]
  if (reported) meta.byline = reported.trim()
  else if (byLine) meta.byline = withoutAgency(byLine)

  const copyrights = file.match(/(?:\(c\)|©|copyright)[^\n]*/gi) ?? []
  const dateline = DATELINE_SOURCE.exec(file)?.[1] ?? ''
  const credit = [byLine ?? '', ...copyrights, dateline]
  meta.wire = credit.map(wireIn).find(Boolean) ?? null
  // A page whose dateline names the agency ("(Reuters) -") is that agency's report, whoever hosts it.
  meta.outlet ??= wireIn(dateline)
  // A headline on the first line: words but no closing full stop, before the body.
  const first = lines[0]
  if (!meta.title && first && lines.length > 1 && headline(first) && !BYLINE_START.test(first) && !DATELINE_SOURCE.test(first)) meta.title = first
  return meta
}
