import { type AutocompleteInteraction, type ChatInputCommandInteraction, SlashCommandBuilder } from 'discord.js'
import type { BotContext } from '../src/bot/context.js'
import { replyWithAnswer, respondChoices } from '../src/bot/reply.js'

export const data = new SlashCommandBuilder()
  .setName('when')
  .setDescription('When something happened, as the articles put it and as a date')
  .addStringOption((option) =>
    option
      .setName('query')
      .setDescription('An event, such as "when did the White House first discuss this"')
      .setRequired(true)
      .setMaxLength(300)
      .setAutocomplete(true),
  )

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  await replyWithAnswer(interaction, context, 'when', interaction.options.getString('query', true))
}

/** Suggests dated events from the story as the user types. */
export async function autocomplete(interaction: AutocompleteInteraction, context: BotContext): Promise<void> {
  await respondChoices(interaction, context.stories.engineFor(interaction.guildId).eventLabels(interaction.options.getFocused()))
}
