import { type AutocompleteInteraction, type ChatInputCommandInteraction, SlashCommandBuilder } from 'discord.js'
import type { BotContext } from '../src/bot/context.js'
import { replyWithAnswer, respondChoices } from '../src/bot/reply.js'

export const data = new SlashCommandBuilder()
  .setName('who')
  .setDescription('Who someone is, or who said or did something, quoted and credited')
  .addStringOption((option) =>
    option
      .setName('query')
      .setDescription('A name, or a question such as "who said the US market is big"')
      .setRequired(true)
      .setMaxLength(300)
      .setAutocomplete(true),
  )

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  await replyWithAnswer(interaction, context, 'who', interaction.options.getString('query', true))
}

/** Suggests people and organisations from the story as the user types. */
export async function autocomplete(interaction: AutocompleteInteraction, context: BotContext): Promise<void> {
  await respondChoices(interaction, context.stories.engineFor(interaction.guildId).entityNames(interaction.options.getFocused()))
}
