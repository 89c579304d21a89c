import { ApplicationCommandType, ContextMenuCommandBuilder, InteractionContextType, type MessageContextMenuCommandInteraction, MessageFlags } from 'discord.js'
import { claimsOf } from '../src/answer/claims.js'
import type { BotContext } from '../src/bot/context.js'
import { privateReply } from '../src/bot/reply.js'
import { fitEmbeds, renderAnswer } from '../src/render/discord.js'

export const data = new ContextMenuCommandBuilder()
  .setName('Find in the story')
  .setType(ApplicationCommandType.Message)
  .setContexts(InteractionContextType.Guild)

/**
 * Right-click a message → Apps → Find in the story: each of its claims (up to three) looked up
 * in the story — the passages that report it with their outlets, or "No article in this story
 * reports that" with the closest passages. Private unless the server's moderators chose public.
 */
export async function execute(interaction: MessageContextMenuCommandInteraction, context: BotContext): Promise<void> {
  const claims = claimsOf(interaction.targetMessage.content)
  if (claims.length === 0) return privateReply(interaction, 'That message has no words to look for (only links, mentions or emoji).')
  const engine = context.stories.engineFor(interaction.guildId)
  const embeds = claims.map((claim) => {
    const answer = engine.answer('source', claim)
    const shown = answer.found ? answer : { ...answer, message: `No article in this story reports that. ${answer.message ?? ''}`.trim() }
    return renderAnswer(shown, { outletOf: (article) => engine.outletName(article), question: claim }, 0).embed
  })
  const visible = interaction.guildId ? context.settings.findVisibility(interaction.guildId) === 'public' : false
  await interaction.reply({ embeds: fitEmbeds(embeds), allowedMentions: { parse: [] }, flags: visible ? undefined : MessageFlags.Ephemeral })
}
