/** The Answer shape every command returns (the JSON contract). */

export const COMMANDS = ['who', 'when', 'source', 'ask', 'timeline', 'compare', 'outlets'] as const
export type Command = (typeof COMMANDS)[number]

export interface AnswerPassage {
  /** The whole passage, verbatim from the article file. */
  text: string
  /** The sentence of the passage that best answers. */
  highlight: string
  article: string
  paragraph: number
  outlet: string | null
  wire: string | null
  published: string | null
  url: string | null
  score: number
  /** Other articles that carry the same text. */
  alsoIn: string[]
  /** The article whose correction says a date in the sentence shown was wrong. */
  correctedIn?: string
  /** For a timeline: the dated event this passage is listed for. */
  when?: { text: string; iso: string | null }
  /** For the outlets list: the article's title and byline as its record gives them. */
  title?: string | null
  byline?: string | null
}

export interface Answer {
  command: Command
  query: string
  found: boolean
  /** A short answer when the question has one (a name, a role, a date as written). */
  answer: string | null
  /** The answer's date: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  date: string | null
  passages: AnswerPassage[]
  /** Things the story does cover, offered when it does not answer. */
  suggestions: string[]
  /** A sentence for people: why nothing was found, or what the answer rests on. */
  message: string | null
  /** A follow-up as read with the question before it ("and at quillmark?" → "who runs infosec at quillmark"). */
  readAs?: string
}
