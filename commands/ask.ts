import { type ChatInputCommandInteraction, SlashCommandBuilder } from 'discord.js'
import type { BotContext } from '../src/bot/context.js'
import { replyWithAnswer } from '../src/bot/reply.js'

export const data = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask anything about the story; get the passages that answer')
  .addStringOption((option) => option.setName('question').setDescription('Your question').setRequired(true).setMaxLength(300))

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  await replyWithAnswer(interaction, context, 'ask', interaction.options.getString('question', true))
}
