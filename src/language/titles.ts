/**
 * The titles news copy abbreviates before a name (AP style: "Capt. Renata Holloway", "Sgt. Mark
 * Lee"), by their abbreviation: a closed class of English.
 */
const TITLE_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['adm', 'admiral'],
  ['atty', 'attorney'],
  ['capt', 'captain'],
  ['cmdr', 'commander'],
  ['col', 'colonel'],
  ['cpl', 'corporal'],
  ['det', 'detective'],
  ['dr', 'doctor'],
  ['gen', 'general'],
  ['gov', 'governor'],
  ['insp', 'inspector'],
  ['lt', 'lieutenant'],
  ['maj', 'major'],
  ['prof', 'professor'],
  ['rep', 'representative'],
  ['rev', 'reverend'],
  ['sen', 'senator'],
  ['sgt', 'sergeant'],
  ['supt', 'superintendent'],
])

/** The abbreviations, without their dots ("capt", "sgt"). */
export const ABBREVIATED_TITLES: readonly string[] = [...TITLE_ABBREVIATIONS.keys()]

/** The word an abbreviated title stands for ("Capt." → captain), or null for any other word. */
export function titleWord(word: string): string | null {
  return TITLE_ABBREVIATIONS.get(word.toLowerCase().replace(/\.$/, '')) ?? null
}
