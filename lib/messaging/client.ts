import { browser } from 'wxt/browser';
import {
  PushSchema,
  ReplySchema,
  requests,
  type ErrorCode,
  type PayloadOf,
  type Push,
  type RequestType,
  type ResultOf,
  type TabCommand,
  type TabCommandReply,
  TabCommandReplySchema,
} from './protocol';

/** A reply's error code, or `disconnected` when no valid reply came back from the background. */
export type ProtocolErrorCode = ErrorCode | 'disconnected';

/** A failed request; the UI maps `code` to the i18n key `error.<code>`. */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';

  constructor(
    readonly code: ProtocolErrorCode,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
  }
}

async function deliver(message: unknown): Promise<unknown> {
  try {
    return await browser.runtime.sendMessage(message);
  } catch (error) {
    // "Receiving end does not exist": the background is not running or is being updated.
    throw new ProtocolError('disconnected', `The background could not be reached: ${String(error)}`);
  }
}

/** Sends a request to the background and returns its checked result, or throws a ProtocolError. */
export async function sendRequest<T extends RequestType>(type: T, payload: PayloadOf<T>): Promise<ResultOf<T>> {
  const raw = await deliver({ type, payload });
  const reply = ReplySchema.safeParse(raw);
  if (!reply.success) throw new ProtocolError('disconnected', `No valid reply to "${type}"`);
  if (!reply.data.ok) {
    const { code, message, detail } = reply.data.error;
    throw new ProtocolError(code, message, detail);
  }
  const result = requests[type].result.safeParse(reply.data.result);
  if (!result.success) {
    throw new ProtocolError('internal', `The result of "${type}" does not match the protocol`);
  }
  return result.data as ResultOf<T>;
}

/** Calls `listener` with each valid push from the background; returns the unsubscribe function. */
export function onPush(listener: (push: Push) => void): () => void {
  // Returns nothing, so requests meant for the background are never answered from here.
  const receive = (message: unknown): undefined => {
    const push = PushSchema.safeParse(message);
    if (push.success) listener(push.data);
  };
  browser.runtime.onMessage.addListener(receive);
  return () => browser.runtime.onMessage.removeListener(receive);
}

/**
 * Sends a command to the content scripts of a portal tab and returns the checked reply of the
 * frame that carried it out. A tab where no frame answers (no content script, none shows the
 * indicator) yields `not_on_page`; only a missing tab or extension context throws.
 */
export async function sendTabCommand(tabId: number, command: TabCommand): Promise<TabCommandReply> {
  let raw: unknown;
  try {
    raw = await browser.tabs.sendMessage(tabId, command);
  } catch (error) {
    // "Receiving end does not exist": no content script runs in that tab (yet).
    if (/receiving end/i.test(String(error))) return { ok: false, reason: 'not_on_page' };
    throw new ProtocolError('disconnected', `The tab could not be reached: ${String(error)}`);
  }
  if (raw === undefined) return { ok: false, reason: 'not_on_page' };
  const reply = TabCommandReplySchema.safeParse(raw);
  if (!reply.success) throw new ProtocolError('internal', `No valid reply to "${command.type}"`);
  return reply.data;
}
