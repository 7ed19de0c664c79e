import type { z } from 'zod';
import { channels, isChannelName, type ChannelName, type Channels, type ChannelResponse } from '../../shared/ipc/contract';
import { fail, type Result } from '../../shared/result';

/** A handler receives its argument already parsed against the contract. */
export type Handler<K extends ChannelName> = (argument: z.output<Channels[K]['request']>) => Promise<Result<ChannelResponse<K>>>;

/** Every channel of the contract must have exactly one handler: a missing one does not compile. */
export type HandlerTable = { [K in ChannelName]: Handler<K> };

/** What main knows about who sent a message. */
export type SenderInfo = { frameUrl: string | undefined | null; isOwnWindow: boolean };

export type Dispatcher = (channel: unknown, sender: SenderInfo, argument: unknown) => Promise<Result<unknown>>;

/**
 * Builds the single entry point for every IPC call: checks the sender, the channel name and
 * the argument (in that order), then runs the handler. Handlers return results; anything
 * they throw is logged here and turned into a plain message, so no stack crosses the bridge.
 */
export function createDispatcher(
  handlers: HandlerTable,
  options: { isTrustedSender: (sender: SenderInfo) => boolean; log?: (message: string, error: unknown) => void },
): Dispatcher {
  const log = options.log ?? ((message, error) => console.error(message, error));
  return async (channel, sender, argument) => {
    if (!options.isTrustedSender(sender)) {
      return fail('forbidden', 'This request did not come from an Oversight window and was refused.');
    }
    if (!isChannelName(channel)) {
      return fail('unknown-channel', `There is no operation called "${String(channel).slice(0, 80)}".`);
    }
    const parsed = channels[channel].request.safeParse(argument);
    if (!parsed.success) {
      const issues = parsed.error.issues
        .slice(0, 5)
        .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'argument'}: ${issue.message}`)
        .join('; ');
      return fail('invalid-argument', `The request to ${channel} was malformed (${issues}).`);
    }
    try {
      return await callHandler(handlers, channel, parsed.data);
    } catch (error) {
      log(`Handler for ${channel} failed`, error);
      return fail('internal', 'Something went wrong in Oversight. Nothing was changed; please try again.');
    }
  };
}

// TypeScript cannot relate `handlers[channel]` to `channels[channel]` for a union of channel
// names; this is the one place the correlation is asserted, after the argument was parsed.
function callHandler(handlers: HandlerTable, channel: ChannelName, argument: unknown): Promise<Result<unknown>> {
  const handler = handlers[channel] as (argument: unknown) => Promise<Result<unknown>>;
  return handler(argument);
}
