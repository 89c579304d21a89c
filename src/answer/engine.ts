import type { Corpus } from '../ingest/types.js'
import { PassageIndex } from '../index/search-index.js'
import { fold, type Language, loadLanguage } from '../language/index.js'
import { editDistanceWithin } from '../language/spelling.js'
import { articlesNamed } from './articles-named.js'
import { AnswerContext, DEFAULT_ENGINE_OPTIONS, type EngineOptions } from './context.js'
import { type FollowUpLanguage, type Previous, readFollowUp } from './follow-up.js'
import { buildKnowledge, indexDocuments, type Knowledge } from './knowledge.js'
import { answerAsk } from './kinds/ask.js'
import { answerFromRecords } from './kinds/metadata.js'
import { answerOutlets } from './kinds/outlets.js'
import { answerSource } from './kinds/source.js'
import { answerTimeline } from './kinds/timeline.js'
import { answerWhen } from './kinds/when.js'
import { answerWho } from './kinds/who.js'
import { analyseQuestion } from './question.js'
import { decodeArticles, type EngineSnapshot, encodeArticles, interner, SNAPSHOT_FORMAT } from './snapshot.js'
import { type Answer, type Command, COMMANDS } from './types.js'

export { DEFAULT_ENGINE_OPTIONS, type EngineOptions } from './context.js'
export type { Previous } from './follow-up.js'

/** A story name's word typed short ("citi" for citigroup) or misspelt ("corvain" for corvane). */
function nearName(typed: string, name: string): boolean {
  return (typed.length >= 3 && name.startsWith(typed)) || (typed.length >= 5 && editDistanceWithin(typed, name, typed.length >= 6 ? 2 : 1))
}

const NEEDS_QUERY = new Set<Command>(['who', 'when', 'source', 'ask', 'compare'])

/**
 * A question in, the passages that answer it out: quoted, credited, or honestly refused. The
 * question is analysed once (answer type, focus, predicate, terms), then answered by its kind.
 */
export class AnswerEngine {
  private readonly context: AnswerContext

  private constructor(knowledge: Knowledge, index: PassageIndex, options: Partial<EngineOptions>) {
    this.context = new AnswerContext(knowledge, index, { ...DEFAULT_ENGINE_OPTIONS, ...options })
  }

  get knowledge(): Knowledge {
    return this.context.knowledge
  }

  get options(): EngineOptions {
    return this.context.options
  }

  /** Builds the engine (analysis and index) once from a loaded corpus. */
  static fromCorpus(corpus: Corpus, options: Partial<EngineOptions> = {}, language: Language = loadLanguage()): AnswerEngine {
    const knowledge = buildKnowledge(corpus.articles, language)
    return new AnswerEngine(knowledge, PassageIndex.build(indexDocuments(knowledge)), options)
  }

  /** An engine over knowledge and an index kept by the caller (a story whose articles change; see LiveStory). */
  static fromParts(knowledge: Knowledge, index: PassageIndex, options: Partial<EngineOptions> = {}): AnswerEngine {
    return new AnswerEngine(knowledge, index, options)
  }

  /** Everything the engine computed, as plain data: loading it skips ingestion, analysis and indexing. */
  snapshot(): EngineSnapshot {
    const { articles, sentenceTerms, documentFrequency, speakers } = this.knowledge
    return {
      format: SNAPSHOT_FORMAT,
      articles: encodeArticles([...articles.values()]),
      sentenceTerms,
      documentFrequency: [...documentFrequency],
      speakers: [...speakers],
      index: this.context.index.snapshot(),
    }
  }

  /** Restores an engine saved with `snapshot` (after a JSON round-trip), sharing repeated strings. */
  static fromSnapshot(snapshot: EngineSnapshot, options: Partial<EngineOptions> = {}, language: Language = loadLanguage()): AnswerEngine {
    if (snapshot.format !== SNAPSHOT_FORMAT) throw new Error(`snapshot format ${String(snapshot.format)} is not ${SNAPSHOT_FORMAT}; rebuild it`)
    const intern = interner()
    const articles = decodeArticles(snapshot.articles, intern)
    for (const sentences of snapshot.sentenceTerms) for (const terms of sentences) terms.forEach((term, i) => (terms[i] = intern(term)))
    const analysed = {
      sentenceTerms: snapshot.sentenceTerms,
      documentFrequency: new Map(snapshot.documentFrequency),
      speakers: new Set(snapshot.speakers.map(intern)),
    }
    return new AnswerEngine(buildKnowledge(articles, language, analysed), PassageIndex.restore(snapshot.index), options)
  }

  /**
   * Answers one command. Never throws on user input: bad queries come back as found:false. Given
   * the question answered before it, a follow-up ("and at quillmark?") is read with it, and
   * answered as read when the story answers that (`readAs`); otherwise it is answered alone.
   */
  answer(command: Command, rawQuery: string, previous?: Previous): Answer {
    const read = previous ? readFollowUp(rawQuery, previous, this.followUpLanguage(command)) : null
    if (read) {
      const answer = this.answerQuery(command, read.query)
      const asRead = { ...answer, query: rawQuery.replace(/\s+/g, ' ').trim(), readAs: read.query }
      // The earlier question's other details may not hold for the phrase put in: its answer must still tell of the phrase.
      if (answer.found && (read.phrase === null || this.tellsOf(answer, command, read.phrase))) return asRead
      // "and at quillmark?" that the story does not answer as read is still not "who is quillmark".
      if (!answer.found && read.parallel) return asRead
    }
    return this.answerQuery(command, rawQuery)
  }

  /** Whether the sentence the answer quotes first holds every word of the phrase, or a word of the story close to it. */
  private tellsOf(answer: Answer, command: Command, phrase: string): boolean {
    const [first] = answer.passages
    const index = first ? this.knowledge.passages.findIndex((passage) => passage.article === first.article && passage.paragraph === first.paragraph) : -1
    const sentence = this.knowledge.passages[index]?.sentences.findIndex((each) => each.text === first?.highlight) ?? -1
    const terms = new Set(this.knowledge.sentenceTerms[index]?.[sentence] ?? [])
    const asked = this.context.ask(analyseQuestion(command, phrase, this.knowledge.language.analyse(phrase), this.knowledge.capitalWords), answer)
    return asked.terms.every((term) => [...term.matches.keys()].some((match) => terms.has(match)))
  }

  private followUpLanguage(command: Command): FollowUpLanguage {
    const { language, entityWords, articles, capitalWords } = this.knowledge
    const outlets = [...articles.values()]
    return {
      tokens: (text) => analyseQuestion(command, text, language.analyse(text), capitalWords).tokens,
      // A word no dictionary has is a name when it is one of the story's as typed in chat: cut short ("citi") or misspelt ("corvain").
      isName: (word) =>
        entityWords.has(word) ||
        (!language.isWord(word) && [...entityWords.keys()].some((name) => nearName(word, name))) ||
        articlesNamed(outlets, word).articles.length > 0,
    }
  }

  private answerQuery(command: Command, rawQuery: string): Answer {
    const query = rawQuery.replace(/\s+/g, ' ').trim()
    const base: Answer = { command, query, found: false, answer: null, date: null, passages: [], suggestions: [], message: null }
    const { context } = this
    if (!COMMANDS.includes(command)) return { ...base, message: `Unknown command "${command}".` }
    if (this.knowledge.passages.length === 0) return { ...base, message: 'This story has no articles yet.' }
    if (command === 'outlets') return answerOutlets(context, base)
    if (NEEDS_QUERY.has(command) && !query) return { ...base, message: 'Ask something: the query is empty.', suggestions: context.suggest('') }
    if (query.length > this.options.maxQueryLength) {
      return { ...base, message: `That query is ${query.length} characters long; keep it under ${this.options.maxQueryLength}.` }
    }
    const question = analyseQuestion(command, query, this.knowledge.language.analyse(query), this.knowledge.capitalWords)
    if (NEEDS_QUERY.has(command) && question.lemmas.length === 0) {
      return { ...base, message: 'That query has no words to look for: try a name, an event or a claim.', suggestions: context.suggest('') }
    }
    const asked = context.ask(question, base)
    if (command === 'timeline') return answerTimeline(context, asked)
    const fromRecords = answerFromRecords(context, asked)
    if (fromRecords) return fromRecords
    switch (command) {
      case 'who':
        return answerWho(context, asked)
      case 'when':
        return answerWhen(context, asked)
      case 'source':
        return answerSource(context, asked, false)
      case 'compare':
        return answerSource(context, asked, true)
      default:
        return answerAsk(context, asked)
    }
  }

  /** The outlet that published an article, or its id when unknown. */
  outletName(articleId: string): string {
    return this.knowledge.articles.get(articleId)?.outlet ?? articleId
  }

  /** People and organisations whose name starts or contains what was typed, most mentioned first. */
  entityNames(typed: string, limit = 25): string[] {
    const needle = fold(typed).trim()
    return [...this.knowledge.entities.values()]
      .filter((record) => record.type === 'person' || record.type === 'organisation')
      .filter((record) => !needle || fold(record.name).includes(needle))
      .sort((a, b) => b.passages.length - a.passages.length || a.name.localeCompare(b.name))
      .slice(0, limit)
      .map((record) => record.name)
  }

  /** Events the text dates ("Sept. 30 — Senior administration officials discussed …") matching what was typed. */
  eventLabels(typed: string, limit = 25): string[] {
    const needle = fold(typed).trim()
    return this.context
      .events()
      .filter((event) => !event.reported)
      .map((event) => this.context.eventLabel(event))
      .filter((label) => !needle || fold(label).includes(needle))
      .slice(0, limit)
  }
}
