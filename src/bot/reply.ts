import {
  ActionRowBuilder,
  type APIApplicationCommandOptionChoice,
  type AutocompleteInteraction,
  ButtonBuilder,
  type ButtonInteraction,
  ButtonStyle,
  type ChatInputCommandInteraction,
  MessageFlags,
  type RepliableInteraction,
} from 'discord.js'
import { type Answer, type Command, COMMANDS } from '../answer/types.js'
import { type AnswerPage, renderAnswer, safeContent } from '../render/discord.js'
import type { BotContext, StoryEngine } from './context.js'

const NO_MENTIONS = { parse: [] as [] }

/**
 * Answers a question with an embed, public or private as the guild's moderators chose. Answers
 * take milliseconds, so the reply is immediate: nothing is deferred in public that could fail there.
 */
export async function replyWithAnswer(interaction: ChatInputCommandInteraction, context: BotContext, command: Command, query: string): Promise<void> {
  const ephemeral = interaction.guildId ? context.settings.visibility(interaction.guildId) === 'private' : false
  const engine = context.stories.engineFor(interaction.guildId)
  const answer = context.conversation.answer(engine, interaction.channelId, interaction.user.id, command, query)
  const asked = answer.readAs ?? query
  const shown = renderPage(engine, answer, query, 0)
  // Further pages answer the question as it was read, without the conversation.
  const components = shown.pages > 1 ? pageButtons(context.settings.rememberQuestion(command, asked), command, shown) : []
  await interaction.reply({ embeds: [shown.embed], components, allowedMentions: NO_MENTIONS, flags: ephemeral ? MessageFlags.Ephemeral : undefined })
}

function renderPage(engine: StoryEngine, answer: Answer, query: string, page: number): AnswerPage {
  return renderAnswer(answer, { outletOf: (article) => engine.outletName(article), question: query }, page)
}

const PAGE_BUTTON = /^page:(\d+):(\d+)$/

/** "Earlier"/"Later" for a timeline, "Back"/"More passages" for other answers; each carries the question's id and the page it opens. */
function pageButtons(id: number, command: Command, shown: AnswerPage): ActionRowBuilder<ButtonBuilder>[] {
  const [back, forward] = command === 'timeline' ? ['Earlier', 'Later'] : ['Back', 'More passages']
  const button = (label: string, page: number, disabled: boolean) =>
    new ButtonBuilder().setCustomId(`page:${id}:${page}`).setLabel(label).setStyle(ButtonStyle.Secondary).setDisabled(disabled)
  const buttons = [button(forward, shown.page + 1, shown.page >= shown.pages - 1)]
  if (command === 'timeline' || shown.page > 0) buttons.unshift(button(back, Math.max(0, shown.page - 1), shown.page === 0))
  return [new ActionRowBuilder<ButtonBuilder>().addComponents(buttons)]
}

/** Whether a button belongs to an answer's pages. */
export function isPageButton(interaction: ButtonInteraction): boolean {
  return PAGE_BUTTON.test(interaction.customId)
}

/**
 * Shows another page of an answer in place: the question is read back from the settings
 * database by the id the button carries, so the buttons keep working after a restart.
 */
export async function showPage(interaction: ButtonInteraction, context: BotContext): Promise<void> {
  const [, id = '', page = ''] = PAGE_BUTTON.exec(interaction.customId) ?? []
  const asked = context.settings.question(Number(id))
  if (!asked || !isCommand(asked.command)) return privateReply(interaction, 'That answer is no longer kept; ask the question again.')
  const engine = context.stories.engineFor(interaction.guildId)
  const shown = renderPage(engine, engine.answer(asked.command, asked.query), asked.query, Number(page))
  await interaction.update({ embeds: [shown.embed], components: pageButtons(Number(id), asked.command, shown), allowedMentions: NO_MENTIONS })
}

function isCommand(name: string): name is Command {
  return (COMMANDS as readonly string[]).includes(name)
}

/**
 * A reply only the user sees, whatever state the interaction is in. After a deferral the
 * placeholder may be public, so the message goes in a private follow-up and the placeholder is
 * removed: an error is never shown to the whole channel.
 */
export async function privateReply(interaction: RepliableInteraction, content: string): Promise<void> {
  const message = { content: safeContent(content), allowedMentions: NO_MENTIONS, flags: MessageFlags.Ephemeral as const }
  if (!interaction.replied && !interaction.deferred) {
    await interaction.reply(message)
    return
  }
  await interaction.followUp(message)
  if (interaction.deferred && !interaction.replied) await interaction.deleteReply().catch(() => undefined)
}

/**
 * Autocomplete choices within Discord's limits: at most 25, names and values at most 100
 * characters. A long label is shown with an ellipsis; its value, which Discord sends back as the
 * query when it is picked, ends at a whole word.
 */
export function autocompleteChoices(labels: string[]): APIApplicationCommandOptionChoice<string>[] {
  const show = (text: string) => (text.length <= 100 ? text : `${text.slice(0, 99).trimEnd()}…`)
  const send = (text: string) =>
    text.length <= 100
      ? text
      : text
          .slice(0, 101)
          .replace(/\s+\S*$/, '')
          .trimEnd()
  const seen = new Set<string>()
  const choices: APIApplicationCommandOptionChoice<string>[] = []
  for (const label of labels) {
    const choice = { name: show(label), value: send(label) }
    if (seen.has(choice.value) || choices.length === 25) continue
    seen.add(choice.value)
    choices.push(choice)
  }
  return choices
}

/** Answers an autocomplete request with the labels as choices. */
export async function respondChoices(interaction: AutocompleteInteraction, labels: string[]): Promise<void> {
  await interaction.respond(autocompleteChoices(labels))
}
