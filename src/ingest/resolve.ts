import { kindOfName } from '../language/index.js'
import type { Article, EntityMention, EntityType } from './types.js'

/** Words a company's name may end with ("Ant Group", "Tencent Holdings Ltd"): its short form drops them. */
const CORPORATE = new Set([
  'group',
  'holdings',
  'holding',
  'inc',
  'inc.',
  'ltd',
  'ltd.',
  'llc',
  'co',
  'co.',
  'corp',
  'corp.',
  'corporation',
  'technologies',
  'company',
  'plc',
  'limited',
  'management',
])

/** A company's name without its corporate suffixes ("Tencent Holdings Ltd" → "Tencent"). */
export function corporateCore(name: string): string {
  const words = name.split(/\s+/)
  while (words.length > 1 && CORPORATE.has(words.at(-1)?.toLowerCase() ?? '')) words.pop()
  return words.join(' ')
}

/** Picks one type for a name from its mentions: any sign of a person or organisation beats "other". */
function vote(types: EntityType[]): EntityType {
  for (const type of ['place', 'organisation', 'person'] as const) if (types.includes(type)) return type
  return 'other'
}

/**
 * Gives each entity one canonical name and type across the corpus: "Tzeng" → "Tzeng Yi-suo",
 * "Ant" → "Ant Group", "Trump" → "Donald Trump". Quote speakers follow. Mutates the articles.
 */
export function canonicalizeEntities(articles: Article[], kindOf: (name: string) => EntityType | null = kindOfName): void {
  const mentions: EntityMention[] = articles.flatMap((article) => article.passages.flatMap((passage) => passage.entities))
  const typesByName = new Map<string, EntityType[]>()
  for (const mention of mentions) typesByName.set(mention.name, [...(typesByName.get(mention.name) ?? []), mention.type])
  // A name the text never types ("Gerald Foss, 84, a retired machinist") is typed by a lexicon of names.
  for (const types of typesByName.values()) if (types.every((type) => type === 'other')) types.length = 0
  const byLexicon = new Set<string>()
  for (const [name, types] of typesByName) {
    if (types.length > 0) continue
    types.push(kindOf(name) ?? 'other')
    byLexicon.add(name)
  }

  const canonical = new Map<string, string>()
  const frequency = (name: string) => typesByName.get(name)?.length ?? 0
  const byCore = new Map<string, string[]>()
  for (const name of typesByName.keys()) byCore.set(corporateCore(name), [...(byCore.get(corporateCore(name)) ?? []), name])
  for (const [core, names] of byCore) {
    if (names.length < 2 && names[0] === core) continue
    const longer = names.filter((name) => name !== core)
    const best = longer.sort((a, b) => frequency(b) - frequency(a) || a.length - b.length)[0] ?? core
    for (const name of names) canonical.set(name, best)
  }

  // A name that is a person's first or last name alone: however a mention was typed ("the Fenwick suit", a place to the tagger), it is that person.
  const shortened = new Set<string>()
  const people = [...typesByName].filter(([name, types]) => name.includes(' ') && types.includes('person')).map(([name]) => name)
  for (const name of typesByName.keys()) {
    if (name.includes(' ') || canonical.has(name)) continue
    const matches = people.filter((person) => {
      const words = person.split(/\s+/)
      return words[0] === name || words.at(-1) === name
    })
    const [only] = matches
    if (only !== undefined && matches.length === 1) {
      canonical.set(name, only)
      shortened.add(name)
    }
  }

  const resolve = (name: string) => canonical.get(name) ?? name
  const finalTypes = new Map<string, EntityType[]>()
  const toldTypes = new Map<string, EntityType[]>()
  for (const [name, types] of typesByName) {
    if (shortened.has(name)) continue
    finalTypes.set(resolve(name), [...(finalTypes.get(resolve(name)) ?? []), ...types])
    if (!byLexicon.has(name)) toldTypes.set(resolve(name), [...(toldTypes.get(resolve(name)) ?? []), ...types])
  }
  // "Oakhurst", a town to the lexicon, is Maureen Oakhurst where the text calls her a chief executive: what the text says of a name beats the lexicon.
  for (const [name, told] of toldTypes) if (told.some((type) => type !== 'other')) finalTypes.set(name, told)

  for (const article of articles)
    for (const passage of article.passages) {
      for (const entity of passage.entities) {
        entity.name = resolve(entity.name)
        entity.type = vote(finalTypes.get(entity.name) ?? [entity.type])
      }
      for (const quote of passage.quotes) if (quote.speaker) quote.speaker = resolve(quote.speaker)
    }
}
