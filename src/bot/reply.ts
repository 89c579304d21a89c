import { type APIApplicationCommandOptionChoice, type AutocompleteInteraction, type ChatInputCommandInteraction, MessageFlags, type RepliableInteraction } from 'discord.js'
import type { Command } from '../answer/types.js'
import { answerEmbed, safeContent } from '../render/discord.js'
import type { BotContext } from './context.js'

/** Commands whose answers list many outlets or events: acknowledged first, answered by edit. */
const DEFERRED = new Set<Command>(['source', 'compare', 'timeline'])
const NO_MENTIONS = { parse: [] as [] }

/** Answers a question with an embed, public or private as the guild's moderators chose. */
export async function replyWithAnswer(interaction: ChatInputCommandInteraction, context: BotContext, command: Command, query: string): Promise<void> {
  const ephemeral = interaction.guildId ? context.settings.visibility(interaction.guildId) === 'private' : false
  const flags = ephemeral ? MessageFlags.Ephemeral : undefined
  if (DEFERRED.has(command)) await interaction.deferReply({ flags })
  const answer = context.engine.answer(command, query)
  const embed = answerEmbed(answer, { outletOf: (article) => context.engine.outletName(article), question: query })
  if (interaction.deferred) await interaction.editReply({ embeds: [embed], allowedMentions: NO_MENTIONS })
  else await interaction.reply({ embeds: [embed], allowedMentions: NO_MENTIONS, flags })
}

/** A reply only the user sees, whatever state the interaction is in. */
export async function privateReply(interaction: RepliableInteraction, content: string): Promise<void> {
  const message = { content: safeContent(content), allowedMentions: NO_MENTIONS, flags: MessageFlags.Ephemeral as const }
  if (interaction.deferred && !interaction.replied) await interaction.editReply({ content: message.content, allowedMentions: NO_MENTIONS })
  else if (interaction.replied || interaction.deferred) await interaction.followUp(message)
  else await interaction.reply(message)
}

/**
 * Autocomplete choices within Discord's limits: at most 25, names and values at most 100
 * characters. A long label is shown with an ellipsis; its value, which Discord sends back as the
 * query when it is picked, ends at a whole word.
 */
export function autocompleteChoices(labels: string[]): APIApplicationCommandOptionChoice<string>[] {
  const show = (text: string) => (text.length <= 100 ? text : `${text.slice(0, 99).trimEnd()}…`)
  const send = (text: string) => (text.length <= 100 ? text : text.slice(0, 101).replace(/\s+\S*$/, '').trimEnd())
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
