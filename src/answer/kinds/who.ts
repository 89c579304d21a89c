import { PERSON_ROLES } from '../../ingest/annotate/lexicon.js'
import { fold, type Token } from '../../language/index.js'
import type { AnswerContext, Asked } from '../context.js'
import { agentIn, entitiesOf, entityCalled, lemmasOf, patientIn, personAged, possessorIn, speakerOf, subjectIn } from '../extract.js'
import {
  asWritten,
  bodyDescribed,
  kindOfBody,
  holderOfRole,
  soleHolder,
  namesAnotherBody,
  naming,
  OWNERSHIP_ROLES,
  roleHolder,
  roleMatches,
  roleSense,
  shortFormUsed,
  someoneIs,
  standsForNameWord,
} from './roles.js'
import { type EntityRecord, initialsOf, passageAt } from '../knowledge.js'
import { AUXILIARIES, SAYING, strandedPreposition } from '../question.js'
import { type Candidate, DEFAULT_RETRIEVAL, type QueryTerm, storyMatches } from '../retrieve.js'
import { eventClosenessHere, PREDICATE_CLOSENESS } from '../confidence.js'
import type { Answer } from '../types.js'
import type { Passage } from '../../ingest/types.js'

/**
 * The common noun a "who is the …" question describes its person by: the only one ("engineer"),
 * the only word for a kind of person someone in the story is ("the bank's *mouthpiece*", "the *top
 * dog* at harrowgate"), or the one before "of" ("the gm of tcrr").
 */
function describedAs(context: AnswerContext, question: Asked['question'], named: EntityRecord[]): string | null {
  const { language } = context.knowledge
  const nameWords = new Set(named.flatMap((record) => record.words))
  const nouns = question.tokens.filter(
    (token) => token.pos === 'NOUN' && !token.stop && !nameWords.has(fold(token.text)) && question.lemmas.includes(token.lemma),
  )
  // A kind no one in the story is of ("guy") describes no one in particular.
  const kinds = [
    ...language
      .phrases(question.tokens)
      .filter((phrase) => (phrase.nominal || phrase.lemma.includes('-')) && language.isPersonNoun(phrase.lemma))
      .map((phrase) => phrase.lemma),
    ...nouns.filter((noun) => language.isPersonNoun(noun.lemma)).map((noun) => noun.lemma),
  ].filter((kind) => someoneIs(context, kind))
  const [kind] = kinds
  if (kind !== undefined && (kinds.length === 1 || kind.includes('_'))) return kind
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

/** Whether a word asks for people: a kind of person ("judge"), or people themselves, however typed ("ppl"). */
function namesPeople(context: AnswerContext, word: string): boolean {
  const { language } = context.knowledge
  const meant = [word, ...storyMatches(context.knowledge, word).keys()]
  return meant.some((each) => language.hasPersonSense(each) || each === 'people' || each === 'person')
}

/** How close a word must be to the asked deed to be that deed however written: itself, or a form of it ("decide", "decision"). */
const SAME_DEED = 0.85

/** The asked deed is told, in its own words, in a sentence beside the candidate's and not in it. */
function deedBeside(context: AnswerContext, deed: QueryTerm, candidate: Candidate): boolean {
  const here = eventClosenessHere(context.knowledge, deed, candidate)
  const beside = candidate.window.get(deed.term) ?? 0
  return here < PREDICATE_CLOSENESS && beside > here && beside / DEFAULT_RETRIEVAL.neighbourDiscount >= SAME_DEED
}

/** The person or organisation a passage gives for the question, by the question's form. */
export function extractWho(context: AnswerContext, asked: Asked, candidate: Candidate): string | null {
  const passage = context.passage(candidate)
  const named = context.spellingsOf(asked.named)
  const { type, focus } = asked.question
  if (type === 'patient') return patientOf(asked, passage, candidate)
  const eventTerm = type === 'agent' ? asked.terms.find((term) => term.term === asked.predicate) : undefined
  // The deed told in its own words in the sentence beside this one, and not here: a name here did something else.
  const elsewhere = eventTerm !== undefined && deedBeside(context, eventTerm, candidate)
  // "proposed by Commissioner Ruth Eggleston. Commissioner Dale Voight cast the lone vote against it": another of those asked for did it.
  const calledBeside = (sentence: number) =>
    focus !== null && sentence >= 0 && sentence < passage.sentences.length && entityCalled(passage, sentence, focus, named) !== null
  if (elsewhere && calledBeside(candidate.sentence) && (calledBeside(candidate.sentence - 1) || calledBeside(candidate.sentence + 1))) return null
  if (focus) {
    const called = entityCalled(passage, candidate.sentence, focus, named) ?? calledAKindOf(context, passage, candidate.sentence, focus, named)
    if (called) return called
    // "which law prof said the cap …": the person the sentence names as saying it, however the story describes them.
    if (type === 'agent' && asked.predicate !== null && SAYING.has(asked.predicate)) {
      const speaker = speakerOf(passage, candidate.sentence)
      if (speaker && entitiesOf(passage, candidate.sentence).some((entity) => entity.name === speaker && entity.type === 'person')) return speaker
      // "Board member Victor Ambrose cast the lone vote … He argued that …": "he" opening the sentence is the one the
      // sentence before opened on, when the story calls that person what the question asks for.
      const before = /^(?:he|she)\b/i.test(passage.sentences[candidate.sentence]?.text ?? '') ? entitiesOf(passage, candidate.sentence - 1) : []
      const subject = before.find((entity) => entity.type === 'person')
      if (subject && isCalled(context, subject.name, focus)) return subject.name
    }
    // "which judge …" in a story that calls no one a judge (or a kind of one): whoever did the deed is no judge.
    const { language } = context.knowledge
    if (type === 'agent' && language.isPersonNoun(focus) && !someoneIs(context, focus)) return null
  }
  if (type === 'speaker') return speakerOf(passage, candidate.sentence, context.earlierPassages(candidate.passage))
  if (asked.role) {
    // "who's the treasury secretary": a person the sentence gives that role, or no answer.
    const sentence = passage.sentences[candidate.sentence]?.text ?? ''
    const person = subjectIn(passage, candidate.sentence, named, 'person')
    // A role word of the lexicon may sit anywhere in the sentence ("the Commerce secretary, …"); any
    // other noun must be the person's own role, not a word beside them ("said the train's engineer").
    const own = passage.entities.find((entity) => entity.name === person)?.role ?? ''
    const fits = PERSON_ROLES.has(asked.role) ? roleMatches(sentence, asked.role) : roleMatches(own, asked.role, roleSense(context, asked.role))
    // "who's the larkspur spokesman": not "Corvane spokesman Felix Aldana", whose role names another body.
    const topic = asked.question.lemmas.filter((lemma) => lemma !== asked.role)
    return person && fits && !namesAnotherBody(context, own, topic) ? person : null
  }
  if (type === 'possessor') {
    // "whose IPO record could Ant beat": the possessed thing follows "whose"; a name elsewhere in the question is not it.
    const whose = asked.question.tokens[0]?.text.toLowerCase() === 'whose'
    return possessorIn(passage, candidate.sentence, candidate, named, new Set(whose ? asked.named.flatMap((record) => record.words) : []))
  }
  if (type === 'agent') {
    // The doer of another deed in the same sentence is not an answer: the asked event must be there.
    const event = asked.predicate
    if (eventTerm && !candidate.window.has(eventTerm.term)) return null
    if (elsewhere) return null
    const doer = agentIn(passage, candidate.sentence, candidate, named, event)
    if (doer !== null && actedOn(context, asked, doer)) return null
    // "which council ppl voted against it": people are asked for, so the council that voted is no answer, nor is a place.
    if (doer === null || focus === null || !namesPeople(context, focus) || aPerson(context, doer)) return doer
    // "Attorney General Lorraine Beckett and the Federal Competition Bureau sued": of doers joined by "and", the people.
    const people = doer.split(/\s*,\s*(?:and\s+)?|\s+and\s+/).filter((part) => aPerson(context, part))
    return people.length ? people.join(' and ') : null
  }
  return subjectIn(passage, candidate.sentence, named)
}

/** Whether the story gives the person a role that is the focus or a kind of it ("Board member", "a labor and delivery nurse"). */
function isCalled(context: AnswerContext, name: string, focus: string): boolean {
  const sense = roleSense(context, focus)
  return context.knowledge.entities.get(name)?.roles.some((entry) => roleMatches(entry.role, focus, sense)) ?? false
}

/** "which state lawmaker": a person the sentence gives a role of that kind ("State Rep." is a representative, a kind of lawmaker). */
function calledAKindOf(context: AnswerContext, passage: Passage, sentence: number, focus: string, named: Set<string>): string | null {
  if (!context.knowledge.language.isPersonNoun(focus)) return null
  const sense = roleSense(context, focus)
  const person = entitiesOf(passage, sentence).find(
    (entity) => entity.type === 'person' && !named.has(entity.name) && entity.role !== null && roleMatches(entity.role, focus, sense),
  )
  return person?.name ?? null
}

/**
 * Whether a name the story gives may be a person's: not an organisation, a place, or a name that
 * ends in a common noun for no kind of person ("Ostrander Regional Airport", "the Tessaly River levee").
 */
function aPerson(context: AnswerContext, name: string): boolean {
  const record = context.knowledge.entities.get(name.replace(/^the\s+/i, ''))
  if (record?.type === 'person') return true
  if (record?.type === 'organisation' || record?.type === 'place') return false
  const last = fold(name.split(/\s+/).at(-1) ?? '')
  const { language } = context.knowledge
  // "Flight 418": a number names no one.
  return /\p{L}/u.test(last) && (!language.isWord(last) || language.isPersonNoun(last))
}

/**
 * "who's defending the smokehouse owner": the one the question describes as its verb's object (an
 * owner, as the story calls Dale Ostrander) is done to, not the doer.
 */
function actedOn(context: AnswerContext, asked: Asked, name: string): boolean {
  const { tokens } = asked.question
  const verb = tokens.findIndex((token) => token.pos === 'VERB' && token.lemma === asked.predicate)
  if (verb < 0) return false
  const { language } = context.knowledge
  // The verb's object, right after it ("defending the smokehouse owner"), not a phrase after a preposition ("quit as superintendent").
  const after = tokens.slice(verb + 1)
  const end = after.findIndex((token) => !['DET', 'ADJ', 'NOUN', 'PROPN', 'PART'].includes(token.pos))
  const described = after.slice(0, end < 0 ? undefined : end).filter((token) => token.pos === 'NOUN' && language.isPersonNoun(token.lemma))
  const roles = context.knowledge.entities.get(name)?.roles ?? []
  return described.some((token) => roles.some((entry) => lemmasOf(entry.role).includes(token.lemma)))
}

/**
 * "who does Ant say it exists to serve" → the object of its last verb; "who will the banks be
 * cutting checks to" → the object of the preposition it ends on, after the word before it.
 */
function patientOf(asked: Asked, passage: Passage, candidate: Candidate): string | null {
  const words = asked.question.tokens.filter((token) => /[\p{L}\p{N}]/u.test(token.text))
  const stranded = strandedPreposition(asked.question.tokens)
  const before = stranded ? words.at(-2) : undefined
  const verb = [...words].reverse().find((token) => token.pos === 'VERB' && !AUXILIARIES.has(token.lemma))
  const anchor = before && before.pos !== 'VERB' ? before : verb
  return anchor ? patientIn(passage, candidate.sentence, candidate, anchor.lemma, stranded?.text.toLowerCase() ?? null) : null
}

/** Of the answering candidates, an entity of the sentence whose role tells the asked deed in the story's words. */
function doerByRole(context: AnswerContext, asked: Asked, candidates: Candidate[]): { name: string; candidate: Candidate } | null {
  const named = context.spellingsOf(asked.named)
  for (const candidate of candidates) {
    if (context.verdict(asked, candidate) !== 'answer') continue
    const deed = new Set(candidate.matched.get(asked.predicate ?? '') ?? [])
    if (deed.size === 0) continue
    // "a Ridley Bend developer run by Voskuil's brother-in-law": a deed followed by its doer is done to the one described.
    const tellsDeed = (role: string) =>
      role.split(/\s+/).some((word, i, words) => lemmasOf(word).some((lemma) => deed.has(lemma)) && words[i + 1]?.toLowerCase() !== 'by')
    const doer = entitiesOf(context.passage(candidate), candidate.sentence).find(
      (entity) => !named.has(entity.name) && entity.role !== null && tellsDeed(entity.role),
    )
    if (doer) return { name: doer.name, candidate }
  }
  return null
}

/** A person the candidate's sentence gives one of the roles, or the next sentence as it opens ("Its president, X,"). */
function roleHolderIn(context: AnswerContext, candidate: Candidate, roles: string[]): { name: string; candidate: Candidate } | null {
  const passage = context.passage(candidate)
  // "Board chair" holds the role, but of a body the question does not ask about.
  const asked = new Set([...candidate.matched.values()].flat())
  const ofAsked = (role: string) =>
    lemmasOf(role).every((lemma) => asked.has(lemma) || roles.some((kind) => roleMatches(lemma, kind, roleSense(context, kind))))
  const holds = (role: string | null) => role !== null && roles.some((kind) => roleMatches(role, kind, roleSense(context, kind))) && ofAsked(role)
  const next = passage.sentences[candidate.sentence + 1]
  const opensWithOwner = next !== undefined && /^(?:its|their)\s/i.test(next.text)
  for (const index of opensWithOwner ? [candidate.sentence, candidate.sentence + 1] : [candidate.sentence]) {
    const person = entitiesOf(passage, index).find((entity) => entity.type === 'person' && holds(entity.role))
    if (person) return { name: person.name, candidate: { ...candidate, sentence: index } }
  }
  return null
}

/** who: who someone is, or who said, did or owns what the question names. */
export function answerWho(context: AnswerContext, asked: Asked): Answer {
  const { question, named, base } = asked
  // "who's the architect designing the arena": a description the story never uses names no one in it.
  const description = describedNoun(question)
  if (description && storyMatches(context.knowledge, description).size === 0 && !someoneIs(context, description)) {
    // "who's the boss at tolliver": at a body the question names, the word stands for what it is a kind of (its CEO leads it).
    const body = named.find((record) => record.type !== 'person')
    const holder = body ? roleHolder(context, asked, body, description, true) : null
    return holder ?? context.unanswered(asked, context.rank(asked), 'closest')
  }
  // "who is pike's lawyer" in a story with no Pike: whoever is someone else's lawyer is not the answer.
  const owner = question.tokens.find((token, i) => /^['’]s$/.test(question.tokens[i + 1]?.text ?? '') && token.pos !== 'PRON')
  if (owner && !named.some((record) => record.words.includes(fold(owner.text))) && storyMatches(context.knowledge, owner.lemma).size === 0)
    return context.refuse(base, `The story does not mention ${owner.text}.`)
  const leader = leaderAsked(context, asked)
  if (leader) return leader
  const roleWord = question.tokens
    .map((token) => fold(token.text))
    .find((word) => PERSON_ROLES.has(word) && !named.some((record) => record.words.includes(word)))
  // The one a role belongs to is named in full ("Halberton" is not "Halberton Elementary School").
  const typed = new Set(question.surfaces.flatMap((word) => word.split(/[^\p{L}\p{N}]+/u)))
  // An organisation may be typed by the short form the story also uses ("goldman" for Goldman Sachs).
  const inFull = named.filter((each) => each.words.every((word) => typed.has(word)) || typed.has(each.words.join('')) || typed.has(initialsOf(each)))
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
    const holder = topic.length ? holderOfRole(context, asked, roleWord, topic) : soleHolder(context, asked, roleWord)
    if (holder) return holder
    // "the spokesperson for the county health dept": the Tessler County Health Department's.
    const body = bodyDescribed(
      context,
      question.tokens.filter((token) => token.lemma !== roleWord),
    )
    const ofBody = body ? roleHolder(context, asked, body, roleWord) : null
    if (ofBody) return ofBody
    asked = { ...asked, role: roleWord }
  }
  if (roleWord && OWNERSHIP_ROLES.has(roleWord) && question.type === 'identify') asked = { ...asked, question: { ...question, type: 'possessor' } }
  // "whats the engineer's name", "jolene marsh's doctor": a person described by a common noun the
  // story may never give anyone — only someone it calls that answers.
  const described = question.type === 'identify' && !roleWord ? describedAs(context, question, named) : null
  if (record) {
    const nameTerms = new Set([...record.words, initialsOf(record)])
    const rest = question.surfaces.filter((word) => !word.split(/[^\p{L}\p{N}]+/u).every((part) => !part || nameTerms.has(part)))
    if (described && rest.length === 1) {
      return (
        roleHolder(context, asked, record, described) ??
        context.refuse(base, `The story does not name ${record.name}${record.name.endsWith('s') ? '’' : '’s'} ${described}.`)
      )
    }
    if (rest.length === 0 || (question.type === 'identify' && rest.length === 1)) return identify(context, asked, record)
    // "who heads tcrr", "who leads tolliver": the holder of the role of one who does that (its head, its leader);
    // "who leads the crta board": of a part of it, its role naming that part ("Board Chair").
    const part = rest.length === 2 ? question.tokens.find((token) => token.lemma !== asked.predicate && rest.includes(fold(token.text)))?.lemma : undefined
    if (question.type === 'agent' && (rest.length === 1 || part !== undefined) && asked.predicate) {
      const roles = context.knowledge.language.agentsOf(asked.predicate).filter((agent) => someoneIs(context, agent))
      for (const agent of roles) {
        const holder = roleHolder(context, asked, record, agent, false, part)
        if (holder) return holder
      }
      // Someone is a head, but of something else ("head of cyberwarfare … at the Institute" heads no institute).
      const [role] = roles
      if (role && rest.length === 1) return context.refuse(base, `The story does not name ${record.name}${record.name.endsWith('s') ? '’' : '’s'} ${role}.`)
    }
  } else if (described) {
    // "who's the bank's mouthpiece": someone the story gives a role of that kind, of the rest of the question.
    const topic = question.lemmas.filter((lemma) => lemma !== described)
    const holder = topic.length ? holderOfRole(context, asked, described, topic) : soleHolder(context, asked, described)
    if (holder) return holder
    asked = { ...asked, role: described }
  }
  // "who's the union guy": a word for anyone, which no one in the story is called, asks for the one whose role the word before it names.
  const byModifier = question.type === 'identify' && !roleWord && !record && !described ? holderNamedBy(context, asked) : null
  if (byModifier) return byModifier
  const candidates = context.rank(asked)
  const [best] = candidates
  const verdict = context.verdict(asked, best)
  // "which judge slammed the brakes on the deal": the closest passage, worded otherwise, still answers when it calls someone that.
  const focus = question.type === 'agent' && question.focus !== null && context.knowledge.language.isPersonNoun(question.focus) ? question.focus : null
  const called = best && focus && verdict === 'closest' ? entityCalled(context.passage(best), best.sentence, focus, context.spellingsOf(named)) : null
  if (called && best) return context.found(base, candidates, called)
  // "who was the neutral go-between in the talks": the closest passage, worded otherwise, answers when someone there holds the role.
  const holding = best && question.type === 'identify' && asked.role && verdict === 'closest' ? roleHolderIn(context, best, [asked.role]) : null
  if (holding) return context.found(base, [holding.candidate, ...candidates.filter((other) => other !== best)], holding.name)
  if (verdict !== 'answer' || !best) return context.unanswered(asked, candidates, verdict)
  const top = candidates.filter((candidate) => context.verdict(asked, candidate) === 'answer' && candidate.score >= best.score * 0.8).slice(0, 5)
  // "the 29yo who died": an age the question gives picks out the person a passage gives it to.
  const ages = asked.question.figures
  for (const candidate of ages.length ? candidates.slice(0, context.options.maxGrouped) : []) {
    const aged = personAged(context.passage(candidate), candidate.sentence, ages)
    if (aged && context.verdict(asked, candidate) === 'answer')
      return context.found(base, [candidate, ...candidates.filter((other) => other !== candidate)], aged)
  }
  // "which company did the blasting": one whose own description tells the deed ("Corvane Blasting Services, a
  // contractor that handles blasting at the quarry") did it, before a name the sentence only calls a company.
  const describedDoer = question.type === 'agent' && asked.predicate ? doerByRole(context, asked, candidates.slice(0, 8)) : null
  if (describedDoer)
    return context.found(base, [describedDoer.candidate, ...candidates.filter((other) => other !== describedDoer.candidate)], describedDoer.name)
  const excluded = othersThan(question, named)
  // The passages tell only of those the question sets aside: they do not answer who else.
  let onlySetAside = false
  for (const candidate of top) {
    const answer = extractWho(context, asked, candidate)
    if (answer && excluded.length && standsFor(context.passage(candidate).sentences[candidate.sentence]?.text ?? '', answer, excluded)) {
      onlySetAside = true
      continue
    }
    if (answer) return context.found(base, [candidate, ...candidates.filter((other) => other !== candidate)], namedNext(context, candidate, answer))
  }
  // "who heads the grocery workers union": the passage tells of the union, and the person its head is, by role, there
  // or at the head of the next sentence ("… Local 880, welcomed the lawsuit. Its president, Hector Villanueva, said …").
  const agentRoles =
    question.type === 'agent' && asked.predicate ? context.knowledge.language.agentsOf(asked.predicate).filter((role) => someoneIs(context, role)) : []
  for (const candidate of agentRoles.length ? top : []) {
    const holder = roleHolderIn(context, candidate, agentRoles)
    if (holder) return context.found(base, [holder.candidate, ...candidates.filter((other) => other !== candidate)], holder.name)
  }
  // "which judge got the merger case": a lower passage that answers too may be the one that calls someone a judge.
  const others = focus ? candidates.filter((candidate) => !top.includes(candidate) && context.verdict(asked, candidate) === 'answer').slice(0, 5) : []
  const spellings = context.spellingsOf(named)
  for (const candidate of others) {
    const called = entityCalled(context.passage(candidate), candidate.sentence, focus ?? '', spellings)
    if (called) return context.found(base, [candidate, ...candidates.filter((other) => other !== candidate)], called)
  }
  // A question for a role's holder is answered by a holder or not at all; other passages may still speak to it.
  // So is "who did X" when no passage tells of X itself, only of its topic ("who signed the 2004 tax break").
  const event = asked.predicate
  const told =
    event === null ||
    question.type !== 'agent' ||
    !asked.terms.some((term) => term.term === event) ||
    top.some((candidate) => (candidate.window.get(event) ?? 0) >= 0.7)
  // "who was the jury foreperson": a passage that tells of one but names no one does not say who.
  const nameWords = new Set(named.flatMap((record) => record.words))
  const personAsked =
    (question.type === 'identify' || question.type === 'description') &&
    question.lemmas.some((lemma) => !nameWords.has(lemma) && context.knowledge.language.isPersonNoun(lemma))
  return asked.role || !told || onlySetAside || personAsked ? context.unanswered(asked, candidates, 'closest') : context.found(base, candidates, null)
}

/** The role every head of a body holds a kind of: its president, director, chief executive. */
const HEAD = 'head'

/**
 * "who runs the local chamber of commerce", "who's in charge at the zoo", "the boss at pellman's":
 * a question that asks only who is in charge of a body, by a word for being in charge or for a kind
 * of head the story never uses, is answered by whoever holds a kind of head's role there.
 */
function leaderAsked(context: AnswerContext, asked: Asked): Answer | null {
  const { question, named } = asked
  const { language } = context.knowledge
  if (question.type !== 'identify' && question.type !== 'agent') return null
  const inCharge = new Set(language.inCharge(question.tokens.map((token) => token.lemma)).map((at) => question.tokens[at]))
  // A word for any head ("boss", "honcho", "top dog", "leader"), not for a kind of one ("cfo", "president").
  const anyHead = (lemma: string) => language.isKindOf(HEAD, lemma, 'any') || (language.isKindOf(lemma, HEAD, 'any') && !language.isKindOf(lemma, HEAD))
  const unused = (lemma: string) => anyHead(lemma) && storyMatches(context.knowledge, lemma).size === 0
  const heads = [
    ...question.tokens.filter((token) => token.pos === 'NOUN' && unused(token.lemma)),
    // "top dog": the dictionary's phrase for one.
    ...language
      .phrases(question.tokens)
      .filter((phrase) => unused(phrase.lemma))
      .flatMap((phrase) => question.tokens.slice(phrase.first, phrase.last + 1)),
  ]
  if (inCharge.size === 0 && heads.length === 0) return null
  const bodies = named.filter((record) => record.type !== 'person' && record.type !== 'place')
  if (bodies.length !== named.length) return null
  const body =
    bodies[0] ??
    bodyDescribed(
      context,
      question.tokens.filter((token) => !inCharge.has(token) && !heads.includes(token)),
    )
  if (!body) return null
  // Nothing else asked: every other word names the body, or a person no one in the story is called ("guy").
  const ofBody = (token: Token) => body.words.some((word) => standsForNameWord(context, token, word))
  const rest = question.tokens.filter(
    (token) =>
      (token.pos === 'NOUN' || token.pos === 'PROPN' || token.pos === 'VERB') &&
      !token.stop &&
      !inCharge.has(token) &&
      !heads.includes(token) &&
      !ofBody(token) &&
      !kindOfBody(context, body, token.lemma) &&
      !(language.isPersonNoun(token.lemma) && !someoneIs(context, token.lemma)),
  )
  return rest.length === 0 ? roleHolder(context, asked, body, HEAD) : null
}

/**
 * "who's the union guy", "the school's press person": a person noun no one in the story is called
 * stands for anyone, and the noun before it says which one — the person whose role holds that word
 * (most mentioned first), or no one.
 */
function holderNamedBy(context: AnswerContext, asked: Asked): Answer | null {
  const { tokens } = asked.question
  const { language } = context.knowledge
  const at = tokens.findIndex((token, i) => i > 0 && token.pos === 'NOUN' && language.isPersonNoun(token.lemma) && !someoneIs(context, token.lemma))
  const modifier = at > 0 ? tokens[at - 1] : undefined
  if (!modifier || (modifier.pos !== 'NOUN' && modifier.pos !== 'ADJ') || modifier.stop) return null
  const holders = [...context.knowledge.entities.values()]
    .filter((record) => record.type === 'person')
    .flatMap((record) => {
      const role = record.roles.find((entry) => lemmasOf(entry.role).includes(modifier.lemma))
      return role ? [{ record, role }] : []
    })
    .sort((a, b) => b.record.passages.length - a.record.passages.length)
  const [first] = holders
  return first ? context.found(asked.base, [naming(context, first.role.passage, first.record.name)], first.record.name) : null
}

/** "who else voted no besides coelho": the people the question sets aside, who are no answer to it. */
function othersThan(question: Asked['question'], named: EntityRecord[]): EntityRecord[] {
  const setsAside = question.tokens.some(
    (token, i) =>
      /^(?:else|besides)$/i.test(token.text) || (/^(?:other|apart|aside)$/i.test(token.text) && /^(?:than|from)$/i.test(question.tokens[i + 1]?.text ?? '')),
  )
  return setsAside ? named.filter((record) => record.type === 'person') : []
}

/** The answer is one of those people, or what the sentence calls one of them ("Trustee Beatriz Coelho, one of the two who voted no"). */
function standsFor(sentence: string, answer: string, people: EntityRecord[]): boolean {
  const words = fold(answer).split(/[^\p{L}\p{N}]+/u)
  if (people.some((person) => person.words.some((word) => words.includes(word)))) return true
  const at = sentence.indexOf(answer)
  if (at < 0) return false
  const before = fold(sentence.slice(Math.max(0, at - 60), at))
  const after = fold(sentence.slice(at + answer.length, at + answer.length + 60))
  const surname = (person: EntityRecord) => person.words.at(-1) ?? ''
  return people.some(
    (person) => new RegExp(`\\b${surname(person)},\\s*$`).test(before) || new RegExp(`^,\\s*(?:\\p{L}+\\s+){0,3}${surname(person)}\\b`, 'u').test(after),
  )
}
