import nlp from 'compromise'

/** What kind of thing a proper name is, as far as a general lexicon of names can tell. */
export type NameKind = 'person' | 'organisation' | 'place'

const MAX_CACHED = 50_000
const kinds = new Map<string, NameKind | null>()

/**
 * The kind of a name read alone, by compromise's lexicons of given names, places and
 * organisation words: "Gerald Foss" is a person, "Illinois" a place, "Corwin General Hospital" an
 * organisation. A single word is never taken for a person ("Madison" is a city as often as not),
 * nor several for a place by their last word ("Jolene Marsh" is no marsh).
 */
export function kindOfName(name: string): NameKind | null {
  let kind = kinds.get(name)
  if (kind !== undefined) return kind
  const doc = nlp(name)
  const whole = (found: { text(): string }) => found.text().replace(/[.,;:]+$/, '') === name
  const several = name.includes(' ')
  kind = null
  if (several && whole(doc.people())) kind = 'person'
  else if (whole(doc.organizations())) kind = 'organisation'
  else if (!several && whole(doc.places())) kind = 'place'
  if (kinds.size >= MAX_CACHED) kinds.clear()
  kinds.set(name, kind)
  return kind
}
