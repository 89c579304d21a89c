import { type ChatInputCommandInteraction, SlashCommandBuilder } from 'discord.js'
import type { BotContext } from '../src/bot/context.js'
import { replyWithAnswer } from '../src/bot/reply.js'

export const data = new SlashCommandBuilder().setName('outlets').setDescription('The articles Byline answers from: outlet, date, wire, byline and link')

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  await replyWithAnswer(interaction, context, 'outlets', '')
}
