import {
  type APIApplicationCommandOptionChoice,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  MessageFlags,
  type RepliableInteraction,
} from 'discord.js'
import type { Command } from '../answer/types.js'
import { answerEmbed, safeContent } from '../render/discord.js'
import type { BotContext } from './context.js'

const NO_MENTIONS = { parse: [] as [] }

/**
 * Answers a question with an embed, public or private as the guild's moderators chose. Answers
 * take milliseconds, so the reply is immediate: nothing is deferred in public that could fail there.
 */
export async function replyWithAnswer(interaction: ChatInputCommandInteraction, context: BotContext, command: Command, query: string): Promise<void> {
  const ephemeral = interaction.guildId ? context.settings.visibility(interaction.guildId) === 'private' : false
  const answer = context.engine.answer(command, query)
  const embed = answerEmbed(answer, { outletOf: (article) => context.engine.outletName(article), question: query })
  await interaction.reply({ embeds: [embed], allowedMentions: NO_MENTIONS, flags: ephemeral ? MessageFlags.Ephemeral : undefined })
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
