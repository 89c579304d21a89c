import { isContent, type Token } from './nlp.js'

/** A multi-word lemma of a text ("on board" → on_board, "lining up" → line_up), by its tokens. */
export interface Phrase {
  /** The dictionary's lemma, words joined by "_". */
  lemma: string
  /** Indices of its first and last token. */
  first: number
  last: number
  /** A compound noun ("chief executive officer"): it adds to its words' meaning rather than replacing them. */
  nominal: boolean
  /** Lemmas of its content words (those a question would otherwise look for). */
  parts: string[]
}

/** Parts of speech a dictionary phrase can have: letters n, v, a, r, by lemma. */
export type PhraseTable = ReadonlyMap<string, string>

const NOUNISH = new Set(['NOUN', 'PROPN', 'ADJ'])
const LONGEST = 3

const isHyphen = (token: Token) => token.text === '-'

/**
 * Whether the tokens can be the phrase with these parts of speech: a verb's phrase opens with a
 * verb, a noun's is all nouns. A hyphenated word ("go-between") is one word, whatever its pieces are tagged.
 */
function fits(tokens: Token[], kinds: string): boolean {
  const [head] = tokens
  if (!head || tokens.some((token) => !/^[\p{L}-]+$/u.test(token.text))) return false
  const joined = tokens.every((token, i) => {
    const before = tokens[i - 1]
    return !before || !(isHyphen(token) || isHyphen(before)) || token.start === before.end
  })
  if (tokens.some(isHyphen)) return joined
  if (kinds.includes('v') && head.pos === 'VERB') return true
  if (kinds.includes('n') && tokens.every((token) => NOUNISH.has(token.pos))) return true
  return (kinds.includes('r') || kinds.includes('a')) && head.pos !== 'VERB' && head.pos !== 'AUX' && !NOUNISH.has(head.pos)
}

/**
 * The dictionary's phrases in a run of tokens, longest first and never overlapping: by the words'
 * lemmas ("lined up") or as written ("on board"), where the tokens' parts of speech fit the phrase.
 */
export function phrasesIn(tokens: Token[], table: PhraseTable, isWord: (word: string) => boolean = () => false): Phrase[] {
  const found: Phrase[] = []
  for (let first = 0; first < tokens.length; first++) {
    const again = doneAgain(tokens, first, isWord)
    if (again) {
      found.push(again)
      first = again.last
      continue
    }
    for (let length = LONGEST; length >= 2; length--) {
      const run = tokens.slice(first, first + length)
      if (run.length < length) continue
      // Wink splits some hyphenated words ("go - between"): the hyphen joins its neighbours again.
      const spellings = [run.map((token) => token.lemma), run.map((token) => token.text.toLowerCase())].map((words) => words.join('_').replace(/_-_/g, '-'))
      const lemma = spellings.find((spelling) => table.has(spelling) && !/^-|-$/.test(spelling))
      const kinds = lemma ? (table.get(lemma) ?? '') : ''
      if (!lemma || !fits(run, kinds)) continue
      const nominal = !kinds.includes('v') && !lemma.includes('-') && run.every((token) => NOUNISH.has(token.pos))
      found.push({ lemma, first, last: first + length - 1, nominal, parts: run.filter(isContent).map((token) => token.lemma) })
      first += length - 1
      break
    }
  }
  return found
}

/** "start back up", "open back up", "pay back": a verb and "back" (and "up") is the verb done again, where the dictionary has it ("restart", "reopen", "repay"). */
function doneAgain(tokens: Token[], first: number, isWord: (word: string) => boolean): Phrase | null {
  const [verb, back, up] = tokens.slice(first, first + 3)
  if (verb?.pos !== 'VERB' || back?.text.toLowerCase() !== 'back') return null
  const lemma = `re${verb.lemma}`
  if (!isWord(lemma)) return null
  const last = up?.text.toLowerCase() === 'up' ? first + 2 : first + 1
  return { lemma, first, last, nominal: false, parts: [verb.lemma] }
}
