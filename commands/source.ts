import { type ChatInputCommandInteraction, SlashCommandBuilder } from 'discord.js'
import type { BotContext } from '../src/bot/context.js'
import { replyWithAnswer } from '../src/bot/reply.js'

export const data = new SlashCommandBuilder()
  .setName('source')
  .setDescription('Which outlets reported a claim or quote')
  .addStringOption((option) => option.setName('query').setDescription('A claim or a quote to trace').setRequired(true).setMaxLength(300))

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  await replyWithAnswer(interaction, context, 'source', interaction.options.getString('query', true))
}
