import type { RawArticle } from '../ingest/corpus.js'
import type { Article } from '../ingest/types.js'

export interface GeneratorOptions {
  /** Passages to produce (approximately: whole articles are generated). */
  passages: number
  seed: number
  minParagraphs: number
  maxParagraphs: number
}

const DEFAULTS: GeneratorOptions = { passages: 1000, seed: 42, minParagraphs: 10, maxParagraphs: 40 }

/** A small deterministic PRNG (mulberry32), so every run builds the same corpus. */
export function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const FIRST = [
  'Ana',
  'Ben',
  'Chen',
  'Dana',
  'Eli',
  'Farah',
  'Gus',
  'Hana',
  'Ivan',
  'Jin',
  'Kofi',
  'Lena',
  'Mei',
  'Nils',
  'Omar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sven',
  'Tara',
]
const LAST = [
  'Abbott',
  'Brandt',
  'Costa',
  'Dimitrov',
  'Eze',
  'Fischer',
  'Garcia',
  'Haddad',
  'Ito',
  'Jensen',
  'Kowalski',
  'Liang',
  'Moreau',
  'Novak',
  'Okafor',
  'Park',
  'Quist',
  'Rossi',
  'Sato',
  'Tanaka',
]
const ORGS = ['Group', 'Holdings', 'Capital', 'Pay', 'Financial', 'Technologies', 'Bank', 'Networks']
const MONTHS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.']
const OUTLETS = ['Daily Ledger', 'Wire Review', 'Market Post', 'Asia Desk', 'Policy Times', 'Tech Courier', 'Finance Herald']

/**
 * Builds a same-topic corpus the size of a big story covered by thousands of outlets: articles of
 * 10–40 paragraphs recombining the story's own sentences, with people, organisations, numbers and
 * dates substituted from pools. Deterministic for a seed.
 */
export function generateCorpus(story: Article[], options: Partial<GeneratorOptions> = {}): RawArticle[] {
  const { passages, seed, minParagraphs, maxParagraphs } = { ...DEFAULTS, ...options }
  const next = random(seed)
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)]
    if (item === undefined) throw new Error('generateCorpus: nothing to pick from')
    return item
  }
  const sentences = story.flatMap((article) => article.passages.flatMap((passage) => passage.sentences.map((sentence) => ({ text: sentence.text, passage }))))
  const people = FIRST.flatMap((first) => LAST.map((last) => `${first} ${last}`))
  const orgs = LAST.flatMap((last) => ORGS.map((suffix) => `${last} ${suffix}`))

  const vary = (text: string, names: { name: string; type: string }[]): string => {
    let out = text
    for (const { name, type } of names) {
      if (name.length < 4 || !out.includes(name)) continue
      if (next() < 0.5) out = out.split(name).join(type === 'person' ? pick(people) : type === 'organisation' ? pick(orgs) : name)
    }
    return out
      .replace(/\b(Jan\.|Feb\.|March|April|June|July|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.)\s(\d{1,2})\b/g, () => `${pick(MONTHS)} ${1 + Math.floor(next() * 28)}`)
      .replace(/\$(\d+(?:\.\d+)?)/g, () => `$${(1 + next() * 99).toFixed(next() < 0.5 ? 0 : 1)}`)
      .replace(/\b(\d{1,2})%/g, () => `${1 + Math.floor(next() * 99)}%`)
  }

  const articles: RawArticle[] = []
  let made = 0
  for (let index = 0; made < passages; index++) {
    const count = Math.min(passages - made, minParagraphs + Math.floor(next() * (maxParagraphs - minParagraphs + 1)))
    const paragraphs: string[] = []
    for (let p = 0; p < count; p++) {
      const length = 1 + Math.floor(next() * 3)
      const chosen = Array.from({ length }, () => pick(sentences))
      paragraphs.push(chosen.map(({ text, passage }) => vary(text, passage.entities)).join(' '))
    }
    const day = 1 + (index % 28)
    const file = `gen_${String(index).padStart(6, '0')}.txt`
    articles.push({
      file,
      text: `${paragraphs.join('\n\n')}\n`,
      entry: {
        file,
        outlet: pick(OUTLETS),
        wire: next() < 0.5 ? 'Bloomberg' : 'Reuters',
        published: `2020-10-${String(day).padStart(2, '0')}`,
        url: null,
        byline: null,
        title: null,
      },
    })
    made += count
  }
  return articles
}
