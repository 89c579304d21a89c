/**
 * Text analysis shared by the index and the queries: folding, tokenising, stop words, a light
 * English stemmer and a thesaurus of news vocabulary, so "Wilber Ross", "restrictions",
 * "curbs" and "U.S." meet the words the articles use.
 */

/** Function words and question words: they never drive ranking. */
export const STOP_WORDS = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before being below
between both but by can could did didn't do does doesn't doing don't down during each either few for from further
had has have having he her here hers herself him himself his how i if in into is isn't it its itself just me more
most my myself no nor not now of off on once only or other our ours out over own same she should so some such than
that the their theirs them themselves then there these they this those through to too under until up very was wasn't
we were what when where which while who whom whose why will with would you your yours yet ever already still really
much many lot get got tell give show know find let please anything something someone anyone thing things
did does piece story article report reported reporting reports say says said according
go goes went gone going come came make made take took put actual actually specific particular certain exactly even`.split(/\s+/),
)

/**
 * Groups of words a reader uses for the same thing in news about business and government.
 * The first word is the group's name; each member is matched after stemming.
 */
const THESAURUS: string[][] = [
  ['covid', 'coronavirus', 'virus', 'covid19'],
  ['ill', 'sick', 'illness', 'sickness', 'infected', 'contracted', 'contract'],
  ['restrict', 'restriction', 'curb', 'limit', 'sanction', 'crackdown', 'clampdown', 'measure'],
  ['ban', 'bar', 'prohibit', 'outlaw', 'forbid'],
  ['block', 'halt', 'stop', 'injunction', 'suspend', 'freeze', 'blocked'],
  ['accelerate', 'speed', 'hasten', 'quicken', 'pace'],
  ['talk', 'discuss', 'discussion', 'debate', 'deliberation', 'deliberate', 'consult'],
  ['consider', 'weigh', 'explore', 'mull', 'study', 'examine', 'eye', 'look'],
  ['ipo', 'listing', 'float', 'offering', 'flotation', 'list'],
  ['court', 'judge', 'judicial', 'courtroom'],
  ['law', 'legal', 'illegal', 'lawful', 'unlawful', 'legally', 'illegally', 'legislation'],
  ['own', 'owner', 'owned', 'ownership', 'owns', 'possess'],
  ['comment', 'respond', 'response', 'reply', 'react', 'reaction'],
  ['retreat', 'withdraw', 'withdrawal', 'pullback', 'exit', 'retrench'],
  ['delay', 'stall', 'slow', 'stalled', 'postpone'],
  ['ceo', 'chief executive'],
  ['head', 'run', 'lead', 'chief', 'helm', 'leader'],
  ['institute', 'thinktank', 'institution', 'center', 'centre'],
  ['data', 'information', 'detail'],
  ['win', 'beat', 'victory', 'defeat', 'triumph', 'surpass', 'exceed', 'eclipse', 'outdo', 'top'],
  ['record', 'largest', 'biggest'],
  ['proposal', 'idea', 'plan', 'proposition', 'scheme'],
  ['see', 'seen', 'saw', 'shown', 'present', 'review'],
  ['revenue', 'sale', 'income', 'earning', 'turnover'],
  ['app', 'application', 'platform'],
  ['big', 'large', 'huge', 'massive', 'sizable'],
  ['option', 'alternative', 'possibility', 'choice', 'route'],
  ['push', 'press', 'champion', 'advocate', 'promote', 'drive', 'pushing'],
  ['invest', 'investor', 'investment', 'stake', 'backer'],
  ['usa', 'us', 'america', 'american', 'americans', 'united states'],
  ['china', 'chinese', 'beijing', 'prc'],
  ['taiwan', 'taiwanese'],
  ['japan', 'japanese'],
  ['hongkong', 'hong kong'],
  ['department', 'ministry', 'agency'],
  ['election', 'vote', 'ballot'],
  ['fell', 'fall', 'drop', 'decline', 'slump', 'tumble', 'plunge'],
  ['rise', 'rose', 'gain', 'climb', 'jump', 'surge'],
  ['money', 'fund', 'funding', 'cash', 'capital'],
  ['value', 'valuation', 'worth'],
  ['security', 'secure', 'safety'],
  ['theft', 'steal', 'stolen', 'hack', 'breach'],
  ['threat', 'threaten', 'risk', 'danger'],
  ['people', 'person', 'citizen', 'user', 'individual', 'customer', 'consumer'],
  ['million', 'millions'],
  ['billion', 'billions', 'bn'],
  ['start', 'begin', 'began', 'first', 'originate', 'launch', 'initiate'],
  ['affect', 'impact', 'cover', 'hit', 'apply'],
  ['concern', 'worry', 'worried', 'fear', 'anxiety', 'unease', 'alarm'],
]

/** Multi-word phrases folded to one word before tokenising ("picked up pace" → "accelerate"). */
const PHRASES: [RegExp, string][] = [
  [/\b(speed(s|ed|ing)? up|sped up|pick(s|ed|ing)? up (the )?pace)\b/g, 'accelerate'],
  [/\b(pull(s|ed|ing)? (back|out)|step(s|ped)? back)\b/g, 'retreat'],
  [/\b(held|hold(s|ing)?) up\b/g, 'delay'],
  [/\b(broke|break(s|ing)?|broken) (the|any) laws?\b/g, 'illegal'],
  [/\bthink[\s-]?tanks?\b/g, 'thinktank'],
  [/\bhong kong\b/g, 'hongkong'],
  [/\bu\.\s?s\.(?=[^a-z]|$)|\bu\.s\.a\.?|\bunited states\b/g, 'usa'],
  [/\bchief executive( officer)?\b/g, 'ceo'],
  [/\b(get|got|gets|getting|caught|catch(es)?) (covid|coronavirus|the virus)\b/g, 'ill covid'],
  [/\binitial public offerings?\b/g, 'ipo'],
  [/\bshare sales?\b/g, 'ipo'],
  // "take effect" only says "happen": a when-question about it asks when the thing itself happens.
  [/\b(tak(e|es|en|ing)|took|go(es)?|went|com(e|es|ing)|came) into (force|effect)\b|\b(tak(e|es|en|ing)|took) effect\b|\bkick(s|ed)? in\b/g, ' '],
]

const GROUP_OF = new Map<string, string>()

/** Folds case, accents, curly quotes and dashes. */
export function fold(text: string): string {
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase()
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[‘’ʼ′`]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/[‐-―−]/g, '-')
}

function consonant(word: string, i: number): boolean {
  const c = word[i]!
  if ('aeiou'.includes(c)) return false
  return c !== 'y' || i === 0 || !consonant(word, i - 1)
}

function hasVowel(stem: string): boolean {
  for (let i = 0; i < stem.length; i++) if (!consonant(stem, i)) return true
  return false
}

const SUFFIXES: [string, string][] = [
  ['ational', 'ate'], ['ization', 'ize'], ['fulness', 'ful'], ['ousness', 'ous'], ['iveness', 'ive'],
  ['ments', ''], ['ment', ''], ['ations', 'ate'], ['ation', 'ate'], ['ions', ''], ['ion', ''], ['ities', ''],
  ['ity', ''], ['ness', ''], ['ers', ''], ['er', ''], ['ors', ''], ['or', ''], ['ly', ''],
]

/** A light English stemmer: plurals, -ed/-ing, and the common derivational endings. */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word
  let w = word
  if (w.endsWith('sses')) w = w.slice(0, -2)
  else if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1)
  for (const ending of ['ing', 'ed']) {
    if (w.endsWith(ending) && w.length - ending.length >= 3 && hasVowel(w.slice(0, -ending.length))) {
      w = w.slice(0, -ending.length)
      if (/([^aeiouslz])\1$/.test(w)) w = w.slice(0, -1)
      break
    }
  }
  for (const [suffix, replacement] of SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 5) {
      w = w.slice(0, -suffix.length) + replacement
      break
    }
  }
  if (w.length >= 4 && w.endsWith('e')) w = w.slice(0, -1)
  if (w.endsWith('y') && w.length > 4) w = `${w.slice(0, -1)}i`
  return w
}

for (const group of THESAURUS) for (const member of group) GROUP_OF.set(stem(member.replace(/\s+/g, '')), stem(group[0]!))

/** Word → term, filled as words are met: the stemmer is pure, so each word is stemmed once. */
const TERM_OF_WORD = new Map<string, string>()
const MAX_REMEMBERED_WORDS = 200_000

/** The form a word is indexed and searched under: stemmed, then mapped to its thesaurus group. */
export function termOf(word: string): string {
  let term = TERM_OF_WORD.get(word)
  if (term === undefined) {
    const stemmed = stem(word)
    term = GROUP_OF.get(stemmed) ?? stemmed
    if (TERM_OF_WORD.size < MAX_REMEMBERED_WORDS) TERM_OF_WORD.set(word, term)
  }
  return term
}

/** Splits folded text into word tokens ("U.S." is one token, "Yi-suo" two, "Ma's" → "ma"). */
export function words(text: string): string[] {
  let folded = fold(text)
  for (const [pattern, replacement] of PHRASES) folded = folded.replace(pattern, ` ${replacement} `)
  return folded
    .replace(/'s\b/g, '')
    .split(/[^\p{L}\p{N}%]+/u)
    .map((token) => token.replace(/%$/, ''))
    .filter((token) => token.length > 0 && !/^\p{N}{1,1}$/u.test(token))
}

/** Index and query analysis: words → stop words removed → terms. */
export function terms(text: string): string[] {
  return words(text)
    .filter((word) => !STOP_WORDS.has(word))
    .map(termOf)
}
