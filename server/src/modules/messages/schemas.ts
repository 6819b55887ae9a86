import { z } from "zod";

// Contracts of the messages API (GET /api/messages, /api/messages/:id), shared with the web UI.

const isoDate = z
  .string()
  .refine((s) => !isNaN(Date.parse(s)), "must be an ISO date or date-time")
  .transform((s) => new Date(s));

export const listMessagesQuery = z.object({
  /** Opaque cursor from a previous page's nextCursor (keyset paging). */
  cursor: z.string().max(200).optional(),
  /** 1-based page number (offset paging, returns total); ignored when cursor is given. */
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  mailbox: z.coerce.number().int().positive().optional(),
  parseStatus: z.enum(["parsed", "parse_error", "too_large"]).optional(),
  processingStatus: z.string().max(40).regex(/^[a-z_]+$/).optional(),
  triageStatus: z.string().max(40).regex(/^[a-z_]+$/).optional(),
  /** Sender address or part of it (case-insensitive). */
  from: z.string().trim().min(1).max(320).optional(),
  /** Free text on subject, sender address and sender name. */
  q: z.string().trim().min(1).max(200).optional(),
  since: isoDate.optional(),
  until: isoDate.optional(),
});
export type ListMessagesQuery = z.infer<typeof listMessagesQuery>;

export const messageIdParams = z.object({ id: z.coerce.number().int().positive() });
export const attachmentIdParams = z.object({
  id: z.coerce.number().int().positive(),
  attId: z.coerce.number().int().positive(),
});
export const messageDetailQuery = z.object({
  /** "show" keeps remote image URLs in the sanitised HTML (the user asked to load them). */
  remoteImages: z.enum(["block", "show"]).default("block"),
});

/** A list row: never the raw bytes or the HTML body. */
export interface MessageSummary {
  id: number;
  messageId: string | null;
  subject: string | null;
  fromAddress: string | null;
  fromName: string | null;
  to: string[];
  cc: string[];
  sentAt: string | null;
  receivedAt: string;
  parseStatus: "parsed" | "parse_error" | "too_large";
  parseError: string | null;
  processingStatus: string;
  triageStatus: string;
  size: number;
  attachmentCount: number;
  /** Start of the text body, whitespace collapsed (≤ 200 chars). */
  snippet: string;
  mailboxIds: number[];
}

export interface MessageList {
  items: MessageSummary[];
  /** Pass as ?cursor= for the next page; null on the last page. */
  nextCursor: string | null;
  /** Only in page mode. */
  total?: number;
  page?: number;
}

export interface MessageDetail extends Omit<MessageSummary, "snippet" | "mailboxIds"> {
  replyTo: string | null;
  inReplyTo: string | null;
  references: string[];
  headers: Record<string, string[]>;
  text: string | null;
  /** Sanitised server-side: safe to render (ideally still in a sandboxed iframe). */
  html: string | null;
  /** The HTML referenced remote images; they are blocked unless ?remoteImages=show. */
  hasRemoteImages: boolean;
  attachments: Array<{
    id: number;
    filename: string | null;
    contentType: string;
    size: number;
    contentId: string | null;
    /** Download URL (always served as an attachment, nosniff). */
    url: string;
  }>;
  mailboxes: Array<{ id: number; name: string; address: string | null; uidValidity: number | null; uid: number | null; linkedAt: string }>;
  rawUrl: string;
}
