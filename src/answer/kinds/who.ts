import { PERSON_ROLES } from '../../ingest/annotate/lexicon.js'
import { fold } from '../../language/index.js'
import type { AnswerContext, Asked } from '../context.js'
import { agentIn, entityCalled, lemmasOf, patientIn, possessorIn, speakerOf, subjectIn } from '../extract.js'
import { type EntityRecord, entitiesIn, passageAt } from '../knowledge.js'
import { type Candidate, pinnedCandidate, storyMatches } from '../retrieve.js'
import type { Answer } from '../types.js'
import type { Passage } from '../../ingest/types.js'

/** The common noun a "who is the …" question describes its person by: the only one ("engineer"), or the one before "of" ("the gm of tcrr"). */
function describedAs(question: Asked['question'], named: EntityRecord[]): string | null {
  const nameWords = new Set(named.flatMap((record) => record.words))
  const nouns = question.tokens.filter(
    (token) => token.pos === 'NOUN' && !token.stop && !nameWords.has(fold(token.text)) && question.lemmas.includes(token.lemma),
  )
  const [head] = nouns
  if (!head) return null
  if (nouns.length === 1 && question.lemmas.every((lemma) => lemma === head.lemma || nameWords.has(lemma))) return head.lemma
  // "the gm of tcrr": the noun before "of", "at" or "for" says who is meant; the rest says where.
  const next = question.tokens[question.tokens.indexOf(head) + 1]
  return next && /^(?:of|at|for)$/i.test(next.text) ? head.lemma : null
}

/** The noun right after "who is the" / "who's a" ("architect" in "who's the architect designing the arena"). */
function describedNoun(question: Asked['question']): string | null {
  const words = question.tokens.filter((token) => /[\p{L}\p{N}]/u.test(token.text))
  const [who, be, article, noun] = words
  if (!who || !/^who(?:'s|’s)?$/i.test(who.text) || be?.lemma !== 'be' || article?.pos !== 'DET') return null
  return noun?.pos === 'NOUN' ? noun.lemma : null
}

/** "chief financial officer" is also "cfo": a role matches its own words or their initials. */
function roleMatches(role: string, roleWord: string): boolean {
  const words = fold(role)
    .split(/[^a-z0-9-]+/)
    .filter(Boolean)
  return (
    words.includes(roleWord) ||
    words
      .filter((word) => word.length > 2)
      .map((word) => word[0])
      .join('')
      .includes(roleWord)
  )
}

/** "who is Tencent's CEO", "jpmorgan cfo": only an entity the story gives that role, tied to the named one, answers. */
function roleHolder(context: AnswerContext, asked: Asked, record: EntityRecord, roleWord: string): Answer | null {
  const core = record.words.join(' ')
  // "the tax expert from Friedman LLP": a role at the named organisation that shares the question's other words.
  const topic = asked.question.lemmas.filter((lemma) => lemma !== roleWord && !record.words.includes(lemma))
  const sharesTopic = (role: string) => topic.length > 0 && lemmasOf(role).some((lemma) => topic.includes(lemma))
  const spellings = context.spellingsOf([record])
  // "Chief Executive Officer Lloyd Blankfein", in an article about Goldman: a title whose sentence
  // names no other organisation is the article's subject's ("JPMorgan Chase’s chief financial officer" is not).
  const ownerless = (role: { role: string; passage: number }) => {
    const passage = passageAt(context.knowledge, role.passage)
    const sentence = passage.sentences.find((each) => each.text.includes(role.role))?.text ?? role.role
    const others = entitiesIn(context.knowledge, sentence).filter((each) => each.type !== 'person' && !spellings.has(each.name))
    return others.length === 0 && spellings.has(subjectOf(context, passage.article) ?? '')
  }
  for (const other of context.knowledge.entities.values()) {
    if (other === record) continue
    const role = other.roles.find(
      (entry) =>
        (roleMatches(entry.role, roleWord) || sharesTopic(entry.role)) && (fold(entry.role).includes(core) || (other.type === 'person' && ownerless(entry))),
    )
    const [owner = core] = record.words
    const found = role ?? (other.type === 'person' ? holderBeside(context, other, owner, roleWord) : null)
    if (found) return context.found(asked.base, [naming(context, found.passage, other.name)], other.name)
  }
  return null
}

/**
 * "a Castlebury woman … sued Tolliver. Lorna Pike, 62, spent nine days …": someone brought in by
 * a description, then named at the head of the next sentence, is that person.
 */
function namedNext(context: AnswerContext, candidate: Candidate, answer: string): string {
  if (!/^an?\s/i.test(answer)) return answer
  const passage = context.passage(candidate)
  const next = passage.sentences[candidate.sentence + 1]
  if (!next) return answer
  const opening = passage.entities.find((entity) => entity.type === 'person' && entity.offset === next.start - passage.start)
  return opening ? `${opening.name} (${answer})` : answer
}

/** Whether the story itself calls the organisation by its first word alone ("Goldman" for Goldman Sachs). */
function shortFormUsed(context: AnswerContext, record: EntityRecord): boolean {
  const [first, second] = record.name.split(/\s+/)
  if (!first || !second) return false
  return record.passages.some((index) => {
    const text = passageAt(context.knowledge, index).text
    for (let at = text.indexOf(first); at >= 0; at = text.indexOf(first, at + 1)) {
      const rest = text.slice(at + first.length)
      if (!/^\p{L}/u.test(rest) && !rest.trimStart().startsWith(second)) return true
    }
    return false
  })
}

/** The organisation an article is about: the one named in most of its passages. */
function subjectOf(context: AnswerContext, article: string): string | null {
  let best: { name: string; count: number } | null = null
  for (const record of context.knowledge.entities.values()) {
    if (record.type !== 'organisation') continue
    const count = record.passages.filter((index) => context.knowledge.passages[index]?.article === article).length
    if (count > (best?.count ?? 0)) best = { name: record.name, count }
  }
  return best?.name ?? null
}

/** Someone whose role, as the story gives it, is `roleWord` of `topic` ("Commerce secretary"). */
function holderOfRole(context: AnswerContext, asked: Asked, roleWord: string, topic: string[]): Answer | null {
  for (const record of context.knowledge.entities.values()) {
    if (record.type !== 'person') continue
    const [only] = topic
    const beside = only !== undefined && topic.length === 1 ? holderBeside(context, record, only, roleWord) : null
    if (beside) return context.found(asked.base, [naming(context, beside.passage, record.name)], record.name)
    for (const role of record.roles.filter((entry) => roleMatches(entry.role, roleWord))) {
      // The topic may sit in the role ("Commerce secretary") or around it ("JPMorgan Chase’s chief financial officer, Marianne Lake").
      const pinned = naming(context, role.passage, record.name)
      const around = fold(`${role.role} ${passageAt(context.knowledge, role.passage).sentences[pinned.sentence]?.text ?? ''}`)
      if (topic.every((lemma) => around.includes(lemma))) return context.found(asked.base, [pinned], record.name)
    }
  }
  return null
}

/** A role word as people write it: abbreviations in capitals ("CEO"), others as they are. */
function asWritten(roleWord: string): string {
  return roleWord.length <= 3 ? roleWord.toUpperCase() : roleWord
}

/** A passage chosen for a name, pointed at its sentence that gives the name (or the surname). */
function naming(context: AnswerContext, index: number, name: string, score = 1): Candidate {
  const { sentences } = passageAt(context.knowledge, index)
  const surname = fold(name.split(' ').at(-1) ?? name)
  const full = sentences.findIndex((sentence) => fold(sentence.text).includes(fold(name)))
  return pinnedCandidate(index, Math.max(0, full >= 0 ? full : sentences.findIndex((sentence) => fold(sentence.text).includes(surname))), score)
}

/** "QQ Wallet owner" asks for a possessor, not a title. */
const OWNERSHIP_ROLES = new Set(['owner', 'parent', 'investor'])

/** "JPMorgan Chase’s chief financial officer, Marianne Lake": the role given just before the name. */
function holderBeside(context: AnswerContext, person: EntityRecord, owner: string, roleWord: string): { passage: number } | null {
  for (const index of person.passages) {
    const passage = passageAt(context.knowledge, index)
    const mention = passage.entities.find((entity) => entity.name === person.name)
    if (!mention) continue
    const before = passage.text.slice(Math.max(0, mention.offset - 80), mention.offset)
    const at = fold(before).lastIndexOf(owner)
    if (at >= 0 && roleMatches(before.slice(at), roleWord)) return { passage: index }
  }
  return null
}

function identify(context: AnswerContext, asked: Asked, record: EntityRecord): Answer {
  const byArticle = new Map<string, { role: string; passage: number }>()
  for (const role of record.roles) {
    const { article } = passageAt(context.knowledge, role.passage)
    const current = byArticle.get(article)
    const relative = (text: string) => /^(who|which)\b/.test(text)
    if (!current || (relative(current.role) && !relative(role.role))) byArticle.set(article, role)
  }
  const roles = [...byArticle.values()]
  const unique = [...new Set(roles.map((role) => role.role))]
  const distinctRoles = unique.filter((role) => !unique.some((other) => other !== role && fold(other).includes(fold(role))))
  const answer = distinctRoles.length ? `${record.name}: ${distinctRoles.join('; ')}` : record.name
  const rolePassages = [...new Set(roles.map((role) => role.passage))]
  const others = record.passages.filter((index) => !rolePassages.includes(index)).slice(0, context.options.maxGrouped)
  const candidates = [...rolePassages, ...others]
    .slice(0, context.options.maxGrouped * 2)
    .map((index, rank): Candidate => naming(context, index, record.name, 1 - rank * 0.01))
  return context.found(asked.base, candidates, answer)
}

/** The person or organisation a passage gives for the question, by the question's form. */
export function extractWho(context: AnswerContext, asked: Asked, candidate: Candidate): string | null {
  const passage = context.passage(candidate)
  const named = context.spellingsOf(asked.named)
  const { type, focus } = asked.question
  if (type === 'patient') return patientOf(asked, passage, candidate)
  if (focus) {
    const called = entityCalled(passage, candidate.sentence, focus, named)
    if (called) return called
  }
  if (type === 'speaker') return speakerOf(passage, candidate.sentence, context.earlierPassages(candidate.passage))
  if (asked.role) {
    // "who's the treasury secretary": a person the sentence gives that role, or no answer.
    const sentence = passage.sentences[candidate.sentence]?.text ?? ''
    const person = subjectIn(passage, candidate.sentence, named, 'person')
    // A role word of the lexicon may sit anywhere in the sentence ("the Commerce secretary, …"); any
    // other noun must be the person's own role, not a word beside them ("said the train's engineer").
    const own = passage.entities.find((entity) => entity.name === person)?.role ?? ''
    const fits = PERSON_ROLES.has(asked.role) ? roleMatches(sentence, asked.role) : roleMatches(own, asked.role)
    return person && fits ? person : null
  }
  if (type === 'possessor') {
    // "whose IPO record could Ant beat": the possessed thing follows "whose"; a name elsewhere in the question is not it.
    const whose = asked.question.tokens[0]?.text.toLowerCase() === 'whose'
    return possessorIn(passage, candidate.sentence, candidate, named, new Set(whose ? asked.named.flatMap((record) => record.words) : []))
  }
  if (type === 'agent') {
    // The doer of another deed in the same sentence is not an answer: the asked event must be there.
    const event = asked.predicate
    if (event && asked.terms.some((term) => term.term === event) && !candidate.window.has(event)) return null
    return agentIn(passage, candidate.sentence, candidate, named, event)
  }
  return subjectIn(passage, candidate.sentence, named)
}

/**
 * "who does Ant say it exists to serve" → the object of its last verb; "who will the banks be
 * cutting checks to" → the object of the preposition it ends on, after the word before it.
 */
function patientOf(asked: Asked, passage: Passage, candidate: Candidate): string | null {
  const words = asked.question.tokens.filter((token) => /[\p{L}\p{N}]/u.test(token.text))
  const last = words.at(-1)
  // A preposition the question ends on ("cutting checks to"); a final "to" may be tagged as the infinitive's.
  const stranded = last?.pos === 'ADP' || (last?.pos === 'PART' && last.lemma === 'to') ? last : undefined
  const before = stranded ? words.at(-2) : undefined
  const verb = [...words].reverse().find((token) => token.pos === 'VERB' && !AUXILIARY_VERBS.has(token.lemma))
  const anchor = before && before.pos !== 'VERB' ? before : verb
  return anchor ? patientIn(passage, candidate.sentence, candidate, anchor.lemma, stranded?.text.toLowerCase() ?? null) : null
}

/** Verbs that carry no deed of their own in a question ("does Ant say it exists to serve"). */
const AUXILIARY_VERBS = new Set(['be', 'have', 'do', 'say', 'exist'])

/** who: who someone is, or who said, did or owns what the question names. */
export function answerWho(context: AnswerContext, asked: Asked): Answer {
  const { question, named, base } = asked
  // "who's the architect designing the arena": a description the story never uses names no one in it.
  const description = describedNoun(question)
  if (description && storyMatches(context.knowledge, description).size === 0) return context.unanswered(asked, context.rank(asked), 'closest')
  const roleWord = question.tokens
    .map((token) => fold(token.text))
    .find((word) => PERSON_ROLES.has(word) && !named.some((record) => record.words.includes(word)))
  // The one a role belongs to is named in full ("Halberton" is not "Halberton Elementary School").
  const typed = new Set(question.surfaces.flatMap((word) => word.split(/[^\p{L}\p{N}]+/u)))
  // An organisation may be typed by the short form the story also uses ("goldman" for Goldman Sachs).
  const inFull = named.filter((each) => each.words.every((word) => typed.has(word)))
  const shortened = named.filter((each) => each.type === 'organisation' && typed.has(each.words[0] ?? '') && shortFormUsed(context, each))
  const [record] = roleWord ? (inFull.length ? inFull : shortened) : named
  if (question.type === 'identify' && roleWord && record && !OWNERSHIP_ROLES.has(roleWord)) {
    return (
      roleHolder(context, asked, record, roleWord) ??
      context.refuse(base, `The story does not name ${record.name}${record.name.endsWith('s') ? '’' : '’s'} ${asWritten(roleWord)}.`)
    )
  }
  if (question.type === 'identify' && roleWord && !record && !OWNERSHIP_ROLES.has(roleWord)) {
    // "who's the treasury secretary": someone the story gives that role, of that topic — or nobody.
    const topic = question.lemmas.filter((lemma) => lemma !== roleWord)
    const holder = topic.length ? holderOfRole(context, asked, roleWord, topic) : null
    if (holder) return holder
    asked = { ...asked, role: roleWord }
  }
  if (roleWord && OWNERSHIP_ROLES.has(roleWord) && question.type === 'identify') asked = { ...asked, question: { ...question, type: 'possessor' } }
  // "whats the engineer's name", "jolene marsh's doctor": a person described by a common noun the
  // story may never give anyone — only someone it calls that answers.
  const described = question.type === 'identify' && !roleWord ? describedAs(question, named) : null
  if (record) {
    const nameTerms = new Set(record.words)
    const rest = question.surfaces.filter((word) => !word.split(/[^\p{L}\p{N}]+/u).every((part) => !part || nameTerms.has(part)))
    if (described && rest.length === 1) {
      return (
        roleHolder(context, asked, record, described) ??
        context.refuse(base, `The story does not name ${record.name}${record.name.endsWith('s') ? '’' : '’s'} ${described}.`)
      )
    }
    if (rest.length === 0 || (question.type === 'identify' && rest.length === 1)) return identify(context, asked, record)
  } else if (described) {
    asked = { ...asked, role: described }
  }
  const candidates = context.rank(asked)
  const [best] = candidates
  const verdict = context.verdict(asked, best)
  if (verdict !== 'answer' || !best) return context.unanswered(asked, candidates, verdict)
  const top = candidates.filter((candidate) => context.verdict(asked, candidate) === 'answer' && candidate.score >= best.score * 0.8).slice(0, 5)
  for (const candidate of top) {
    const answer = extractWho(context, asked, candidate)
    if (answer) return context.found(base, [candidate, ...candidates.filter((other) => other !== candidate)], namedNext(context, candidate, answer))
  }
  // A question for a role's holder is answered by a holder or not at all; other passages may still speak to it.
  // So is "who did X" when no passage tells of X itself, only of its topic ("who signed the 2004 tax break").
  const event = asked.predicate
  const told =
    event === null ||
    question.type !== 'agent' ||
    !asked.terms.some((term) => term.term === event) ||
    top.some((candidate) => (candidate.window.get(event) ?? 0) >= 0.7)
  return asked.role || !told ? context.unanswered(asked, candidates, 'closest') : context.found(base, candidates, null)
}
