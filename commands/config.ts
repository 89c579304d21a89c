import {
  ChannelType,
  type ChatInputCommandInteraction,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type SlashCommandChannelOption,
  type SlashCommandStringOption,
} from 'discord.js'
import type { BotContext } from '../src/bot/context.js'
import { privateReply } from '../src/bot/reply.js'

const TEXT_CHANNELS = [
  ChannelType.GuildText,
  ChannelType.GuildAnnouncement,
  ChannelType.PublicThread,
  ChannelType.PrivateThread,
  ChannelType.GuildForum,
] as const

const channelOption = (option: SlashCommandChannelOption) =>
  option
    .setName('channel')
    .setDescription('The channel')
    .setRequired(true)
    .addChannelTypes(...TEXT_CHANNELS)

const modeOption = (option: SlashCommandStringOption) =>
  option
    .setName('mode')
    .setDescription('public or private')
    .setRequired(true)
    .addChoices({ name: 'public', value: 'public' }, { name: 'private', value: 'private' })

export const data = new SlashCommandBuilder()
  .setName('config')
  .setDescription('Moderators: where Byline answers, and who sees its answers')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addSubcommandGroup((group) =>
    group
      .setName('channels')
      .setDescription('The channels Byline answers in (none set: everywhere)')
      .addSubcommand((sub) => sub.setName('add').setDescription('Let Byline answer in a channel').addChannelOption(channelOption))
      .addSubcommand((sub) => sub.setName('remove').setDescription('Stop Byline answering in a channel').addChannelOption(channelOption))
      .addSubcommand((sub) => sub.setName('clear').setDescription('Forget all channels: Byline answers everywhere again')),
  )
  .addSubcommand((sub) => sub.setName('show').setDescription('Show the current settings'))
  .addSubcommand((sub) => sub.setName('replies').setDescription('Whether answers are visible to the channel or only to the asker').addStringOption(modeOption))
  .addSubcommand((sub) =>
    sub.setName('find').setDescription('Whether "Find in the story" replies are visible to the channel (private by default)').addStringOption(modeOption),
  )

function describeSettings(context: BotContext, guildId: string): string {
  const channels = context.settings.channels(guildId)
  const where = channels.length ? `Byline answers in ${channels.map((id) => `<#${id}>`).join(', ')}.` : 'Byline answers in every channel.'
  return `${where} Answers are ${context.settings.visibility(guildId)}; "Find in the story" replies are ${context.settings.findVisibility(guildId)}.`
}

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const guildId = interaction.guildId
  if (!guildId) return privateReply(interaction, 'Settings belong to a server: use /config there.')
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    return privateReply(interaction, 'Only members who can manage this server can change Byline’s settings.')
  }
  const group = interaction.options.getSubcommandGroup(false)
  const sub = interaction.options.getSubcommand()
  let done: string
  if (group === 'channels' && sub === 'add') {
    const channel = interaction.options.getChannel('channel', true)
    // Only a channel Discord itself says belongs to this server: a payload can name any id.
    const real = await interaction.client.channels.fetch(channel.id, { force: true }).catch(() => null)
    if (!real || !('guildId' in real) || real.guildId !== guildId)
      return privateReply(interaction, 'That channel is not in this server; pick one from the list.')
    done = context.settings.addChannel(guildId, channel.id) ? `Added <#${channel.id}>.` : `<#${channel.id}> was already allowed.`
  } else if (group === 'channels' && sub === 'remove') {
    const channel = interaction.options.getChannel('channel', true)
    done = context.settings.removeChannel(guildId, channel.id) ? `Removed <#${channel.id}>.` : `<#${channel.id}> was not in the list.`
  } else if (group === 'channels' && sub === 'clear') {
    const count = context.settings.clearChannels(guildId)
    done = `Cleared ${count} channel${count === 1 ? '' : 's'}.`
  } else if (sub === 'replies') {
    const mode = interaction.options.getString('mode', true) === 'private' ? 'private' : 'public'
    context.settings.setVisibility(guildId, mode)
    done = `Answers are now ${mode}.`
  } else if (sub === 'find') {
    const mode = interaction.options.getString('mode', true) === 'public' ? 'public' : 'private'
    context.settings.setFindVisibility(guildId, mode)
    done = `"Find in the story" replies are now ${mode}.`
  } else done = 'Current settings:'
  context.logger.info({ guild: guildId, user: interaction.user.id, setting: [group, sub].filter(Boolean).join(' ') }, 'settings changed')
  await privateReply(interaction, `${done} ${describeSettings(context, guildId)}`)
}
