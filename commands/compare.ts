import { type ChatInputCommandInteraction, SlashCommandBuilder } from 'discord.js'
import type { BotContext } from '../src/bot/context.js'
import { replyWithAnswer } from '../src/bot/reply.js'

export const data = new SlashCommandBuilder()
  .setName('compare')
  .setDescription('How each outlet worded the same fact, side by side')
  .addStringOption((option) => option.setName('claim').setDescription('The fact to compare, such as "the size of the IPO"').setRequired(true).setMaxLength(300))

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  await replyWithAnswer(interaction, context, 'compare', interaction.options.getString('claim', true))
}
