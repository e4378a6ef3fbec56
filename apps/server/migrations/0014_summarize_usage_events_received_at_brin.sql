-- The incremental rollup finds new events through this BRIN (received_at > watermark). Block
-- ranges appended since the last VACUUM are unsummarized, and an unsummarized range matches every
-- query: between vacuums of a large partition, each run read the whole unsummarized tail (1.5 M
-- rows in session 5's benchmark) instead of the last seconds. With autosummarize, autovacuum
-- summarizes each range soon after it fills. Partitions inherit the option.
DROP INDEX IF EXISTS "usage_events_received_at_brin";
--> statement-breakpoint
CREATE INDEX "usage_events_received_at_brin" ON "usage_events" USING brin ("received_at") WITH (autosummarize = on);
