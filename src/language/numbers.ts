/** Words for numbers, cardinal and ordinal: a closed class of English. */
const CARDINALS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
]
const TENS: Record<string, number> = { thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 }
const LARGE = ['hundred', 'thousand', 'million', 'billion', 'trillion', 'half']
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth']
const OTHER_ORDINALS = ['\\w+teenth', '\\w+tieth', 'hundredth', 'thousandth', 'millionth']

const NUMBER_WORDS = [...CARDINALS, ...Object.keys(TENS), ...LARGE, 'dozen', ...ORDINALS, ...OTHER_ORDINALS].join('|')

/** A word for a number ("nine", "fourth"), the whole word. */
export const NUMBER_WORD = new RegExp(`^(?:${NUMBER_WORDS})$`, 'i')

/** A cardinal number in words ("two", "seventeen", "forty"), the whole word. */
export const CARDINAL_WORD = new RegExp(`^(?:${[...CARDINALS, ...Object.keys(TENS)].join('|')})$`, 'i')

/** Every number a text writes, in digits or in words. */
export const FIGURES = new RegExp(`\\d+(?:[.,]\\d+)*|\\b(?:${NUMBER_WORDS})\\b`, 'gi')

// "one" is left out: it is a pronoun or an article as often as a number ("one of the officials").
const WORD_VALUES = new Map<string, string>([
  ...CARDINALS.map((word, value) => [word, `${value}`] as const).filter(([word]) => word !== 'one'),
  ...Object.entries(TENS).map(([word, value]) => [word, `${value}`] as const),
  ['dozen', '12'],
  ...ORDINALS.map((word, index) => [word, `${index + 1}th`] as const),
])

/**
 * A number's value, however it is written: "four" and "4" are "4", "dozen" is "12", "fourth" and
 * "4th" are "4th" (an ordinal is never a cardinal). Null for a word that is no number.
 */
export function numberValue(word: string): string | null {
  const lower = word.toLowerCase()
  if (/^\d+$/.test(lower)) return String(Number(lower))
  const ordinal = /^(\d+)(?:st|nd|rd|th)$/.exec(lower)
  if (ordinal) return `${Number(ordinal[1])}th`
  return WORD_VALUES.get(lower) ?? null
}

/** Every way a number of that value is written here: "4" → 4, four; "4th" → 4th, fourth. */
export function numberSpellings(word: string): string[] {
  const value = numberValue(word)
  if (value === null) return [word]
  return [value, ...[...WORD_VALUES].filter(([, each]) => each === value).map(([spelled]) => spelled)]
}

/** How news and chat abbreviate a magnitude after a number ("310k", "4.5 mil", "5bn"): a closed class. */
const MAGNITUDES = new Map<string, { word: string; factor: number }>([
  ['k', { word: 'thousand', factor: 1_000 }],
  ['m', { word: 'million', factor: 1_000_000 }],
  ['mn', { word: 'million', factor: 1_000_000 }],
  ['mil', { word: 'million', factor: 1_000_000 }],
  ['b', { word: 'billion', factor: 1_000_000_000 }],
  ['bn', { word: 'billion', factor: 1_000_000_000 }],
])

/**
 * A number and the abbreviated magnitude after it, as the story would write them: "310" "k" →
 * "310,000" (news writes thousands in digits); "4.5" "mil" → "4.5" "million". Null when the
 * second word abbreviates no magnitude.
 */
export function withMagnitude(figure: string, abbreviation: string): [string, string | null] | null {
  const magnitude = MAGNITUDES.get(abbreviation.toLowerCase())
  if (!magnitude || !/^\d+(?:\.\d+)?$/.test(figure)) return null
  if (magnitude.factor === 1_000) return [Math.round(Number(figure) * 1_000).toLocaleString('en-US'), null]
  return [figure, magnitude.word]
}
