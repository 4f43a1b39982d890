import { z } from 'zod';
import { CalibrationSchema, MAX_CALIBRATIONS, RowPatternSchema } from '../portal/calibration';
import { MAX_USER_SITES, isSite } from '../portal/site-access';

// The one protocol between the content script, extension pages and the background.
// Every request is `{ type, payload }`; the background validates both the sender and the payload
// with the schemas below, and answers with a `Reply`.

const Code = z.string().regex(/^[AB](\.[0-9A-Za-z]+){1,6}$/).max(32);
/** The longest text a field's value may have in a message. */
export const MAX_TEXT_LENGTH = 200_000;
const ShortText = z.string().max(MAX_TEXT_LENGTH);
/** A web site the user can enable, `https://app.example.go.id`: scheme and host only. */
const Site = z.string().max(300).refine(isSite, 'Not a site of the form scheme://host');
const Sites = z.array(Site).max(MAX_USER_SITES);

/** The fields the extension writes into the portal, always on a click of the user's. */
export const WritableFieldSchema = z.enum(['narrative', 'evidence']);
export type WritableField = z.infer<typeof WritableFieldSchema>;

/** An evidence link: http(s) only (ARCHITECTURE.md rule 3). */
export const EvidenceUrlSchema = z
  .string()
  .max(4096)
  .refine((raw) => {
    try {
      return ['http:', 'https:'].includes(new URL(raw).protocol);
    } catch {
      return false;
    }
  }, 'Not an http(s) URL');

/** What the portal page currently shows for one recognised indicator. */
export const RowStateSchema = z.object({
  code: Code,
  answer: z.string().max(64).nullable(),
  narrative: ShortText.nullable(),
  evidence: z.array(z.string().max(4096)).max(100),
});
export type RowState = z.infer<typeof RowStateSchema>;

/** One indicator's hints, in short: enough for a badge's colour, icon, count and spoken label. */
export const HintSummarySchema = z.object({
  count: z.number().int().nonnegative(),
  /** The most severe hint's severity; null when there is none. */
  worst: z.enum(['error', 'warning', 'info']).nullable(),
  /** The rules that fired, most severe first (names from `lib/hints` HINT_RULES). */
  rules: z.array(z.string().max(40)).max(20),
});
export type HintSummary = z.infer<typeof HintSummarySchema>;

/** The newest saved text of one field, and short digests of the older ones (see `textDigest`). */
export const SavedFieldSchema = z.object({
  field: WritableFieldSchema,
  text: ShortText,
  /** When it was saved, ms since the epoch. */
  at: z.number().int().nonnegative(),
  /** `textDigest` of up to 50 older saved texts: a page showing one of them shows an older text. */
  olderDigests: z.array(z.string().max(16)).max(50),
});
export type SavedField = z.infer<typeof SavedFieldSchema>;

export const RowOverlaySchema = z.object({
  code: Code,
  hints: HintSummarySchema,
  saved: z.array(SavedFieldSchema).max(2),
});
export type RowOverlay = z.infer<typeof RowOverlaySchema>;

/** How many edits one autosave message carries at most; the content script sends more in turns. */
export const MAX_AUTOSAVE_EDITS = 50;

/** One field's value as the user left it in the portal at time `at` (ms since the epoch). */
export const PortalEditSchema = z.object({
  code: Code,
  field: z.enum(['answer', 'narrative', 'evidence', 'count']),
  text: ShortText,
  at: z.number().int().nonnegative(),
});
export type PortalEdit = z.infer<typeof PortalEditSchema>;

/** Sent by: `content` = a portal tab's content script; `page` = an extension page. */
export type SenderKind = 'content' | 'page';

export const requests = {
  /** The content script reports the rows it recognised and what the page shows in them. */
  'portal.snapshot': {
    from: ['content'],
    payload: z.object({
      url: z.string().url().max(4096),
      rows: z.array(RowStateSchema).max(2000),
    }),
    result: z.object({ periodId: z.number().int(), stored: z.number().int() }),
  },
  /** A row badge was clicked: open the side panel on that indicator. */
  'panel.focus': {
    from: ['content', 'page'],
    payload: z.object({ code: Code }),
    result: z.object({ opened: z.boolean() }),
  },
  /**
   * Which unit and period are active (created on first use, rule 9). A portal tab's are those its
   * site remembers; the side panel names the site of the tab beside it to get that site's.
   */
  'context.get': {
    from: ['content', 'page'],
    payload: z.object({ site: Site.optional() }),
    result: z.object({
      unitId: z.number().int(),
      unitName: z.string(),
      periodId: z.number().int(),
      year: z.number().int(),
    }),
  },
  /** The sites the user enabled, beyond the known portals. */
  'sites.list': {
    from: ['page'],
    payload: z.object({}),
    result: z.object({ sites: Sites }),
  },
  /**
   * Runs the content script on a site from now on, and at once in its open tabs. The extension page
   * asks the browser for the site's permission first, in the user's click: the background cannot.
   */
  'sites.enable': {
    from: ['page'],
    payload: z.object({ site: Site }),
    result: z.object({
      outcome: z.enum(['enabled', 'alreadyEnabled', 'builtIn', 'notGranted']),
      sites: Sites,
    }),
  },
  /** Stops the content script on a site, gives its permission back and forgets it. */
  'sites.disable': {
    from: ['page'],
    payload: z.object({ site: Site }),
    result: z.object({ sites: Sites }),
  },
  /** Whether the extension runs on the page in a tab (default: the active tab of the last focused window). */
  'sites.status': {
    from: ['page'],
    payload: z.object({ tabId: z.number().int().nonnegative().optional() }),
    result: z.discriminatedUnion('page', [
      z.object({
        page: z.literal('web'),
        tabId: z.number().int(),
        site: Site,
        enabled: z.enum(['builtIn', 'user', 'no']),
      }),
      /** The browser withholds the address of a tab the extension may not access yet. */
      z.object({ page: z.literal('hidden'), tabId: z.number().int() }),
      /** No tab, or a page that is not a web site (the extension's own pages, files, browser pages). */
      z.object({ page: z.literal('other'), tabId: z.number().int().nullable() }),
    ]),
  },
  /** Row patterns the user taught for the page at this URL ("Ajari halaman ini"). */
  'calibration.forPage': {
    from: ['content'],
    payload: z.object({ url: z.string().url().max(4096) }),
    result: z.object({ patterns: z.array(RowPatternSchema).max(MAX_CALIBRATIONS) }),
  },
  /** Saves a taught pattern for the site and path it was taught on (replacing an older one there). */
  'calibration.save': {
    from: ['content'],
    payload: CalibrationSchema.omit({ createdAt: true }),
    result: z.object({ count: z.number().int() }),
  },
  /** Every taught pattern, for the settings list. */
  'calibration.list': {
    from: ['page'],
    payload: z.object({}),
    result: z.object({ calibrations: z.array(CalibrationSchema).max(MAX_CALIBRATIONS) }),
  },
  /** Forgets a taught pattern. */
  'calibration.remove': {
    from: ['page'],
    payload: CalibrationSchema.pick({ origin: true, pathPattern: true }),
    result: z.object({ calibrations: z.array(CalibrationSchema).max(MAX_CALIBRATIONS) }),
  },
  /**
   * What the row badges show beyond what the page itself holds: each indicator's hints, and the
   * newest saved text of its narrative and evidence, so a field the portal emptied or reset can be
   * offered for restore.
   */
  'overlay.forPage': {
    from: ['content'],
    payload: z.object({ url: z.string().url().max(4096), codes: z.array(Code).max(2000) }),
    result: z.object({
      periodId: z.number().int(),
      rows: z.array(RowOverlaySchema).max(2000),
    }),
  },
  /** What the user typed into the portal's fields, kept as revisions so no narrative is lost. */
  'autosave.record': {
    from: ['content'],
    payload: z.object({
      url: z.string().url().max(4096),
      edits: z.array(PortalEditSchema).max(MAX_AUTOSAVE_EDITS),
    }),
    result: z.object({ saved: z.number().int() }),
  },
} as const satisfies Record<
  string,
  { from: readonly SenderKind[]; payload: z.ZodType; result: z.ZodType }
>;

export type RequestType = keyof typeof requests;
export type PayloadOf<T extends RequestType> = z.infer<(typeof requests)[T]['payload']>;
export type ResultOf<T extends RequestType> = z.infer<(typeof requests)[T]['result']>;

export const ErrorCodeSchema = z.enum([
  'malformed',
  'unknown_type',
  'forbidden_sender',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: ErrorCodeSchema, message: z.string(), detail: z.string().optional() }),
  }),
]);
export type Reply = z.infer<typeof ReplySchema>;

/**
 * Commands the extension sends to a portal tab's content script (checked there like requests).
 * Every one of them follows a click of the user's in the side panel; the content script writes
 * into the page only for these and for clicks on its own badges.
 */
export const TabCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('calibration.start') }),
  /** Puts `text` into the indicator's narrative field, replacing what is there. */
  z.object({ type: z.literal('narrative.insert'), code: Code, text: ShortText }),
  /** Puts the links into the evidence field in the form it takes (one URL, a list, one input each). */
  z.object({ type: z.literal('evidence.insert'), code: Code, links: z.array(EvidenceUrlSchema).min(1).max(100) }),
  /** Puts back what the field held before the last insert of the extension's. */
  z.object({ type: z.literal('field.undo'), code: Code, field: WritableFieldSchema }),
  /** Scrolls the indicator's row into view and focuses its first empty field ("kekurangan berikutnya"). */
  z.object({ type: z.literal('row.focus'), code: Code }),
]);
export type TabCommand = z.infer<typeof TabCommandSchema>;

/** Why a tab command could not be carried out; the UI maps it to `portalWrite.failure.<reason>`. */
export const TabCommandFailureSchema = z.enum([
  /** No frame of the tab shows this indicator (not recognised, another page, the row is closed). */
  'not_on_page',
  /** The row has no field of that kind, or only one the extension may not write (disabled, file upload). */
  'no_field',
  /** The value read back after writing is not what was written: the page refused or changed it. */
  'mismatch',
  /** Nothing to undo: no insert was made into this field, or the user edited it since. */
  'nothing_to_undo',
]);
export type TabCommandFailure = z.infer<typeof TabCommandFailureSchema>;

/** The content script's answer to a tab command. */
export const TabCommandReplySchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    /** What the field holds now, read back from the page (empty for `row.focus` and `calibration.start`). */
    readBack: ShortText,
    /** Whether `field.undo` can put back what was there before. */
    undoable: z.boolean(),
  }),
  z.object({ ok: z.literal(false), reason: TabCommandFailureSchema }),
]);
export type TabCommandReply = z.infer<typeof TabCommandReplySchema>;

/** Pushed by the background to portal tabs and pages when stored data changes. */
export const PushSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('data.changed'), periodId: z.number().int(), codes: z.array(Code) }),
]);
export type Push = z.infer<typeof PushSchema>;

/**
 * Which indicator the side panel shows: written by the background when a badge is clicked and
 * by the panel itself, kept in `browser.storage.session` under this key.
 */
export const PANEL_FOCUS_KEY = 'focus';

export const PanelFocusSchema = z.object({
  /** The portal tab the badge was clicked in; null when an extension page without a tab asked. */
  tabId: z.number().int().nullable(),
  code: Code,
  at: z.number(),
});
export type PanelFocus = z.infer<typeof PanelFocusSchema>;

/** The sites the user enabled, kept by the background in `browser.storage.local` under this key. */
export const USER_SITES_KEY = 'userSites';

export const UserSitesSchema = Sites;
