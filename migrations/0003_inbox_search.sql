-- Inbox search and views (hand-written: drizzle-kit cannot express generated tsvector columns or
-- expression/partial indexes on another module's table). server/src/modules/inbox/sql-parts.ts
-- repeats these exact expressions; keep them identical or Postgres will not use the indexes.
--
-- Full-text search over subject, sender (whole address, and its local part and domain) and body with
-- the 'simple' configuration: no stemming, so it behaves the same for nl, fr, de and en mail. Stored
-- (not an expression index) so a search can also walk the date index and test each row cheaply when a
-- word is common. The body is capped so a huge message can never exceed the tsvector size limit.
ALTER TABLE "messages" ADD COLUMN IF NOT EXISTS "search_tsv" tsvector GENERATED ALWAYS AS (
  to_tsvector('simple'::regconfig,
    coalesce("subject", '') || ' ' || coalesce("from_name", '') || ' ' || coalesce("from_address", '') || ' '
    || replace(coalesce("from_address", ''), '@', ' ') || ' ' || left(coalesce("text", ''), 20000))
) STORED;--> statement-breakpoint
-- GIN indexes without the pending list (fastupdate): without autovacuum (PGlite) the list only grows, and
-- every search has to scan it; inserts pay a little more instead.
CREATE INDEX IF NOT EXISTS "messages_search_idx" ON "messages" USING gin ("search_tsv") WITH (fastupdate = off);--> statement-breakpoint
-- Invoice numbers the classifier found, searchable by exact number.
CREATE INDEX IF NOT EXISTS "classifications_invoices_idx" ON "classifications" USING gin ("invoices") WITH (fastupdate = off);--> statement-breakpoint
-- The inbox lists newest first with keyset paging, per triage state. The sort key is the mail's date
-- (Date header) but never later than when it was received, so a forged future date cannot pin a mail on top.
CREATE INDEX IF NOT EXISTS "messages_inbox_date_idx" ON "messages" ((least(coalesce("sent_at", "received_at"), "received_at")) DESC, "id" DESC)
  WHERE "triage_status" = 'inbox';--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "messages_done_date_idx" ON "messages" ((least(coalesce("sent_at", "received_at"), "received_at")) DESC, "id" DESC)
  WHERE "triage_status" IN ('done', 'archived');--> statement-breakpoint
-- Threads: replies are found by In-Reply-To and References.
CREATE INDEX IF NOT EXISTS "messages_in_reply_to_idx" ON "messages" ("in_reply_to");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "messages_references_idx" ON "messages" USING gin ("references") WITH (fastupdate = off);
