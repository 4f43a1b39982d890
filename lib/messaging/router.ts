import type { z } from 'zod';
import { isPortalUrl } from '../portal/origins';
import {
  requests,
  type ErrorCode,
  type PayloadOf,
  type Reply,
  type RequestType,
  type ResultOf,
  type SenderKind,
} from './protocol';

/** The parts of `runtime.MessageSender` the router trusts: set by the browser, not by the sender. */
export interface MessageSenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
}

/** Who sent a request, as established by the sender check. */
export interface RequestSender {
  kind: SenderKind;
  /** The tab of a content script or of an extension page opened as a tab. */
  tabId: number | undefined;
  url: string;
}

export type Handler<T extends RequestType> = (
  payload: PayloadOf<T>,
  sender: RequestSender,
) => ResultOf<T> | Promise<ResultOf<T>>;

export type Handlers = { [T in RequestType]: Handler<T> };

export interface RouterOptions {
  handlers: Handlers;
  extensionId: string;
  /** e.g. `chrome-extension://<id>`, without a trailing slash. */
  extensionOrigin: string;
  /** Match patterns of the portals content scripts may speak for; read on every request. */
  portalPatterns: () => readonly string[] | Promise<readonly string[]>;
  /** Check handler results against the protocol; on in development and tests. */
  checkResults?: boolean;
  log?: (message: string, error: unknown) => void;
}

export type MessageListener = (
  message: unknown,
  sender: MessageSenderLike,
  sendResponse: (reply: Reply) => void,
) => true;

export interface RuntimeLike {
  onMessage: { addListener(listener: MessageListener): void };
}

export interface Router {
  /** Answers any message with a Reply; never rejects. */
  handle(message: unknown, sender: MessageSenderLike): Promise<Reply>;
  listen(runtime: RuntimeLike): void;
}

function failure(code: ErrorCode, message: string, detail?: string): Reply {
  return { ok: false, error: detail === undefined ? { code, message } : { code, message, detail } };
}

function isOnOrigin(url: string, origin: string): boolean {
  return url === origin || url.startsWith(`${origin}/`);
}

/**
 * Extension pages are recognised by URL before tabs are looked at: the dashboard, or the side panel
 * opened as a tab, has a `tab` too, yet it is no content script.
 */
async function identifySender(
  sender: MessageSenderLike,
  options: RouterOptions,
): Promise<RequestSender | null> {
  if (sender.id !== options.extensionId) return null;
  const url = sender.url ?? sender.origin;
  if (url === undefined) return null;
  const tabId = sender.tab?.id;
  if (isOnOrigin(url, options.extensionOrigin)) return { kind: 'page', tabId, url };
  if (sender.tab && isPortalUrl(url, await options.portalPatterns())) return { kind: 'content', tabId, url };
  return null;
}

type Envelope = { type: RequestType; payload: unknown };

function readEnvelope(message: unknown): Envelope | Reply {
  if (typeof message !== 'object' || message === null || !('type' in message)) {
    return failure('malformed', 'A request must be an object with a type and a payload');
  }
  const { type } = message;
  if (typeof type !== 'string') return failure('malformed', 'The request type must be a string');
  if (!Object.hasOwn(requests, type)) return failure('unknown_type', `Unknown request type "${type}"`);
  return { type: type as RequestType, payload: 'payload' in message ? message.payload : undefined };
}

function issuePaths(error: z.ZodError): string {
  const paths = error.issues.map((issue) => (issue.path.length > 0 ? issue.path.join('.') : '(payload)'));
  return [...new Set(paths)].join(', ');
}

export function createRouter(options: RouterOptions): Router {
  const checkResults = options.checkResults ?? import.meta.env.DEV;
  const log = options.log ?? ((message, error) => console.error(message, error));

  async function dispatch(message: unknown, rawSender: MessageSenderLike): Promise<Reply> {
    const sender = await identifySender(rawSender, options);
    if (!sender) return failure('forbidden_sender', 'The sender is not this extension or a portal page');

    const envelope = readEnvelope(message);
    if ('ok' in envelope) return envelope;
    const { type } = envelope;
    const request = requests[type];

    if (!(request.from as readonly SenderKind[]).includes(sender.kind)) {
      return failure('forbidden_sender', `"${type}" may not be sent from a ${sender.kind} sender`);
    }

    const payload = request.payload.safeParse(envelope.payload);
    if (!payload.success) {
      return failure('malformed', `The payload of "${type}" is invalid`, issuePaths(payload.error));
    }

    // The mapped `Handlers` type pairs each type with its payload; indexing by a union loses that.
    const handler = options.handlers[type] as Handler<RequestType>;
    const result = await handler(payload.data as PayloadOf<RequestType>, sender);
    if (checkResults) request.result.parse(result);
    return { ok: true, result };
  }

  async function handle(message: unknown, sender: MessageSenderLike): Promise<Reply> {
    try {
      return await dispatch(message, sender);
    } catch (error) {
      // The full error stays in the background's log; the reply carries no stack or internals.
      log('Request failed in the background', error);
      return failure('internal', 'The background could not complete the request');
    }
  }

  return {
    handle,
    listen(runtime) {
      // A raw onMessage listener must answer through sendResponse and return true to keep the
      // channel open; a returned promise would reach the caller as undefined (TOOLCHAIN pitfall 6).
      runtime.onMessage.addListener((message, sender, sendResponse) => {
        void handle(message, sender).then(sendResponse);
        return true;
      });
    },
  };
}
