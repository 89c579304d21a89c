import type { Token } from '../language/index.js'
import { WH_WORD } from './question.js'

/** The question answered just before in the same conversation, and its short answer. */
export interface Previous {
  query: string
  answer: string | null
}

/** How a follow-up opens: "and …?", "what about …?", "how about …?". */
const OPENER = /^(?:and|also|what about|how about|ok(?:ay)?,? and)\s+/i

/** Pronouns that stand for the previous answer ("who talked for them"), and their possessives. */
const PRONOUNS = new Set(['them', 'they', 'he', 'she', 'him', 'her', 'it'])
const POSSESSIVES = new Set(['their', 'its', 'his'])

/** Words a noun phrase may hold: the words of a name, a number, a possessive's "'s". */
const PHRASE_PARTS = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM', 'PART'])

interface Span {
  start: number
  end: number
  tokens: Token[]
}

/** The noun phrases of an analysed text: an article or adjectives, then nouns (possessives inside). */
function nounPhrases(tokens: Token[]): Span[] {
  const spans: Span[] = []
  let run: Token[] = []
  const close = () => {
    while (run.length && !['NOUN', 'PROPN'].includes(run.at(-1)?.pos ?? '')) run.pop()
    const [first] = run
    const last = run.at(-1)
    if (first && last) spans.push({ start: first.start, end: last.end, tokens: run })
    run = []
  }
  for (const [i, token] of tokens.entries()) {
    const opens = run.length === 0 && token.pos === 'DET'
    const part = PHRASE_PARTS.has(token.pos) && (token.pos !== 'PART' || /^['’]s$/.test(token.text))
    // "yi-suo": a hyphen inside a word.
    const joins = token.text === '-' && run.at(-1)?.end === token.start && tokens[i + 1]?.start === token.end
    if (opens || part || joins) run.push(token)
    else close()
  }
  close()
  return spans
}

/** The words of a phrase a fragment's words are about: its nouns and names, "one" not among them. */
function heads(tokens: Token[]): string[] {
  return tokens.filter((token) => (token.pos === 'NOUN' || token.pos === 'PROPN') && token.lemma !== 'one').map((token) => token.lemma)
}

function replace(text: string, span: { start: number; end: number }, by: string): string {
  return `${text.slice(0, span.start)}${by}${text.slice(span.end)}`
}

/** A follow-up as read: the question it makes, and the phrase it puts in the earlier one's place (null when it is a question itself). */
export interface FollowUp {
  query: string
  phrase: string | null
  /**
   * The phrase matches what it replaces in form — the same preposition ("at quillmark" for "at
   * harrowgate") or the same head noun ("citi's cfo" for "jpmorgan's cfo") — so the follow-up
   * means the question as read, whether the story answers it or not.
   */
  parallel: boolean
}

/** What a follow-up needs of the language: a question's tokens as read, and which words are names (of the story, its outlets, or no dictionary's). */
export interface FollowUpLanguage {
  tokens(text: string): Token[]
  isName(word: string): boolean
}

/**
 * A follow-up read with the question before it, or null when the query is not one:
 * - "and at quillmark?" after "who runs infosec at harrowgate" → "who runs infosec at quillmark";
 * - "and citi's cfo?" after "when did jpmorgan's cfo flag the hit" → "when did citi's cfo flag the hit";
 * - "and biden?" after "who is tzeng yi-suo" → "who is biden" (a name for a name);
 * - "and the ag's office?" after "when did the bank tell the regulators" → "when did the bank tell the ag's office";
 * - "and who talked for them?" after an answer naming Corvane → "who talked for Corvane".
 */
export function readFollowUp(query: string, previous: Previous, language: FollowUpLanguage): FollowUp | null {
  const opener = OPENER.exec(query.trim())
  if (!opener) return null
  const rest = query
    .trim()
    .slice(opener[0].length)
    .replace(/[\s?.!]+$/, '')
  const fragment = language.tokens(rest)
  const [first] = fragment
  if (!first) return null
  const asks = WH_WORD.test(first.text) || fragment.some((token) => token.pos === 'VERB' || token.pos === 'AUX')
  if (asks) return { query: withAnswer(rest, fragment, previous.answer), phrase: null, parallel: false }
  const read = substituted(rest, fragment, previous.query, language)
  return read === null ? null : { query: read.query, phrase: read.phrase ?? rest, parallel: read.parallel }
}

/** The previous question with the fragment in place of what it stands for there. */
function substituted(
  rest: string,
  fragment: Token[],
  previousQuery: string,
  language: FollowUpLanguage,
): { query: string; parallel: boolean; phrase?: string } | null {
  const [first] = fragment
  if (!first) return null

  const before = language.tokens(previousQuery)
  const phrases = nounPhrases(before)
  // "at quillmark" for "at harrowgate": the same preposition and what follows it.
  if (first.pos === 'ADP') {
    const preposition = [...before].reverse().find((token) => token.pos === 'ADP' && token.lemma === first.lemma)
    const object = preposition && phrases.find((phrase) => phrase.start > preposition.end)
    return preposition && object ? { query: replace(previousQuery, { start: preposition.start, end: object.end }, rest), parallel: true } : null
  }
  // "citi's cfo" for "jpmorgan's cfo": the phrase up to the same head noun.
  const [head] = heads(fragment).slice(-1)
  for (const phrase of head === undefined ? [] : phrases) {
    const same = phrase.tokens.find((token) => token.lemma === head && (token.pos === 'NOUN' || token.pos === 'PROPN'))
    if (same) return { query: replace(previousQuery, { start: phrase.start, end: same.end }, rest), parallel: true }
  }
  // "biden" for "tzeng yi-suo", "the btimes one" for "techcentral": a name for a name.
  const named = (tokens: Token[]) => heads(tokens).length > 0 && heads(tokens).every((word) => language.isName(word))
  if (named(fragment)) {
    const name = phrases.find((phrase) => named(phrase.tokens))
    const bare = fragment.filter((token) => token.pos !== 'DET' && token.lemma !== 'one')
    if (name) return { query: replace(previousQuery, name, rest.slice(bare[0]?.start ?? 0, bare.at(-1)?.end ?? rest.length)), parallel: false }
  }
  // "the larkspur one" for "the corvain spokesguy": "one" stands for the same head, and the name before it for the name there.
  if (fragment.at(-1)?.lemma === 'one') {
    const modifiers = fragment.filter((token) => token.pos !== 'DET' && token.lemma !== 'one')
    for (const phrase of modifiers.length ? phrases : []) {
      const nouns = phrase.tokens.filter((token) => token.pos === 'NOUN' || token.pos === 'PROPN')
      const last = nouns.at(-1)
      const [name] = nouns.slice(0, -1).filter((token) => language.isName(token.lemma))
      if (!last || !name) continue
      const span = { start: name.start, end: phrase.tokens[phrase.tokens.indexOf(last) - 1]?.end ?? name.end }
      const put = rest.slice(modifiers[0]?.start ?? 0, modifiers.at(-1)?.end ?? rest.length)
      // The answer must tell of what was put in, not of "one".
      return { query: replace(previousQuery, span, put), parallel: true, phrase: put }
    }
  }
  // Otherwise the fragment stands for what the previous question's verb was done to.
  const verb = before.findIndex((token) => token.pos === 'VERB')
  const object = verb >= 0 ? phrases.find((phrase) => phrase.start > (before[verb]?.end ?? 0)) : undefined
  return object ? { query: replace(previousQuery, object, rest), parallel: false } : null
}

/** "who talked for them": the pronoun stands for the previous answer, when that was a name. */
function withAnswer(rest: string, fragment: Token[], answer: string | null): string {
  const name = answer && !/\d/.test(answer) && answer.split(/\s+/).length <= 6 ? answer.replace(/:.*$/, '') : null
  const pronoun = fragment.find((token) => PRONOUNS.has(token.text.toLowerCase()) || POSSESSIVES.has(token.text.toLowerCase()))
  if (!name || !pronoun) return rest
  const by = POSSESSIVES.has(pronoun.text.toLowerCase()) ? `${name}'s` : name
  return replace(rest, pronoun, by)
}
