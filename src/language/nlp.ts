import winkNLP, { type ItemEntity, type ItemSentence, type ItemToken, type ItsHelpers, type WinkMethods } from 'wink-nlp'
import model from 'wink-eng-lite-web-model'

/** One word of a text as wink-nlp reads it, with its place in that text. */
export interface Token {
  /** As written. */
  text: string
  /** The dictionary form, folded: "halted" → "halt", "agencies" → "agency"; names keep their spelling. */
  lemma: string
  /** Universal part-of-speech tag (NOUN, PROPN, VERB, ADJ, NUM, …). */
  pos: string
  /** Offsets in the analysed text. */
  start: number
  end: number
  /** A function word (wink's stop list). */
  stop: boolean
  /** Inside the scope of a negation ("didn't immediately reply"). */
  negated: boolean
}

/** A number, amount, percentage or time expression wink-nlp recognised. */
export interface NamedValue {
  text: string
  /** wink-nlp's entity type: DATE, TIME, DURATION, MONEY, PERCENT, CARDINAL, ORDINAL, … */
  type: string
  start: number
  end: number
}

export interface Analysis {
  tokens: Token[]
  values: NamedValue[]
  /** Sentence spans, as offsets in the text. */
  sentences: { start: number; end: number }[]
}

/**
 * The wink-nlp `its` helpers read here, as plain function properties: wink recognises a helper by
 * identity (its `out` methods check an allow-list), so each is passed as it is, never wrapped or
 * bound (none of them uses `this`).
 */
interface Its {
  value: (index: number, rdd: unknown) => string
  precedingSpaces: (index: number, rdd: unknown) => string
  pos: (index: number, rdd: unknown) => string
  lemma: ItsHelpers['lemma']
  stopWordFlag: (index: number, rdd: unknown) => boolean
  negationFlag: (index: number, rdd: unknown) => boolean
  span: (spanItem: number[]) => number[]
  type: (index: number, rdd: unknown) => string
}

let engine: WinkMethods | null = null

function nlp(): WinkMethods {
  engine ??= winkNLP(model)
  return engine
}

const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'ADV', 'ADP', 'NUM', 'X', 'INTJ'])

/** The word's Porter2 stem, as wink-nlp's English model gives it: "hospital" and "hospitalize" share "hospit". */
export function stem(word: string): string {
  return (model as unknown as { addons: { stem: (word: string) => string } }).addons.stem(word)
}

/** Folds case, accents, curly quotes and dashes; drops the dots of acronyms ("U.S." → "us"). */
export function fold(text: string): string {
  let folded = text.toLowerCase()
  // Not plain ASCII: some UTF-16 code unit above U+007F.
  if (/[\u0080-\uffff]/.test(folded)) {
    folded = folded
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[‘’ʼ′`]/g, "'")
      .replace(/[“”„″]/g, '"')
      .replace(/[‐-―−]/g, '-')
  }
  return /^(?:\p{L}\.){2,}$|^(?:\p{L}\.)+\p{L}$/u.test(folded) ? folded.replace(/\./g, '') : folded
}

/** A name with its possessive ending ("Pellman's"): the name, then the ending. */
const POSSESSIVE_NAME = /^(\p{Lu}[\p{L}.&-]*)(['’]s)$/u

/**
 * Wink keeps a word it has once read whole ("shoppers at Pellman's.") in its vocabulary and
 * then reads it whole everywhere, so the same name would be "pellman" in one passage and
 * "pellman's" in the next, depending on what came before. A possessive name is split as wink
 * splits it the first time: the name, then "'s".
 */
function possessiveSplit(token: Token): Token[] {
  const parts = POSSESSIVE_NAME.exec(token.text)
  if (!parts || (token.pos !== 'PROPN' && token.pos !== 'NOUN')) return [token]
  const [, name = '', ending = ''] = parts
  const cut = token.start + name.length
  return [
    { ...token, text: name, lemma: fold(name), end: cut },
    { text: ending, lemma: "'s", pos: 'PART', start: cut, end: token.end, stop: true, negated: false },
  ]
}

/** Runs wink-nlp over a text: tokens with lemmas, parts of speech, offsets and negation; values; sentences. */
export function analyse(text: string): Analysis {
  const doc = nlp().readDoc(text)
  const its: Its = nlp().its
  const tokens: Token[] = []
  const reaches: { start: number; end: number }[] = []
  let cursor = 0
  doc.tokens().each((token: ItemToken) => {
    const value = token.out(its.value)
    cursor += token.out(its.precedingSpaces).length
    let start = text.startsWith(value, cursor) ? cursor : text.indexOf(value, cursor)
    if (start < 0) start = cursor
    cursor = start + value.length
    const previous = tokens.at(-1)
    // "in Shanghai and Hong Kong": a capitalised word after a lowercase one is a name, however the tagger read it.
    const named = /^\p{Lu}\p{Ll}/u.test(value) && previous !== undefined && /^\p{Ll}/u.test(previous.text) && previous.end < start
    const tagged = token.out(its.pos)
    const pos = tagged === 'VERB' && named ? 'PROPN' : tagged
    const lemma = pos === 'PROPN' ? fold(value) : fold(token.out(its.lemma as unknown as typeof its.value))
    const read = {
      text: value,
      lemma,
      pos,
      start,
      end: start + value.length,
      stop: Boolean(token.out(its.stopWordFlag)),
      negated: Boolean(token.out(its.negationFlag)),
    }
    // Spans of values and sentences count wink's tokens: each keeps its own reach.
    reaches.push({ start: read.start, end: read.end })
    tokens.push(...possessiveSplit(read))
  })
  const span = (first: number, last: number) => ({ start: reaches[first]?.start ?? 0, end: reaches[last]?.end ?? 0 })
  const values: NamedValue[] = []
  doc.entities().each((entity: ItemEntity) => {
    const [first, last] = entity.out(its.span) as unknown as [number, number]
    const { start, end } = span(first, last)
    values.push({ text: text.slice(start, end), type: entity.out(its.type), start, end })
  })
  const sentences: Analysis['sentences'] = []
  doc.sentences().each((sentence: ItemSentence) => {
    const [first, last] = sentence.out(its.span) as unknown as [number, number]
    sentences.push(span(first, last))
  })
  return { tokens, values, sentences }
}

/**
 * Whether a token carries content a question can be matched on: not punctuation, not a function
 * word — except verbs, which name events even when common ("said", "get", "part").
 */
export function isContent(token: Token): boolean {
  return CONTENT_POS.has(token.pos) && (!token.stop || (token.pos === 'VERB' && token.text.length > 2)) && /[\p{L}\p{N}]/u.test(token.text)
}

const FIGURE_TYPES = new Set(['CARDINAL', 'ORDINAL', 'MONEY', 'PERCENT'])
const FRACTION_LEAD = new Set(['a', 'an', 'one', 'two', 'three', 'four'])

/**
 * Whether a token of the analysis states a figure ("2004", "eight", "a third", "$5 billion"), even
 * one the stop list holds. An ordinal counts only as a fraction ("a third"): "first" in "first
 * talked about" is no figure.
 */
export function isFigure(token: Token, analysis: Analysis): boolean {
  if (/^\d/.test(token.lemma) || token.pos === 'NUM') return true
  if (token.pos !== 'ADJ') return false
  const value = analysis.values.find((each) => FIGURE_TYPES.has(each.type) && token.start >= each.start && token.end <= each.end)
  if (!value) return false
  if (value.type !== 'ORDINAL') return true
  const before = analysis.tokens[analysis.tokens.indexOf(token) - 1]
  return before !== undefined && FRACTION_LEAD.has(before.text.toLowerCase())
}
