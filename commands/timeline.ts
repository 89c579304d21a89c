import { type ChatInputCommandInteraction, SlashCommandBuilder } from 'discord.js'
import type { BotContext } from '../src/bot/context.js'
import { replyWithAnswer } from '../src/bot/reply.js'

export const data = new SlashCommandBuilder()
  .setName('timeline')
  .setDescription("The story's dated events in order, with quotes and outlets")
  .addStringOption((option) => option.setName('query').setDescription('Only events about this (optional)').setRequired(false).setMaxLength(300))

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  await replyWithAnswer(interaction, context, 'timeline', interaction.options.getString('query', false) ?? '')
}
