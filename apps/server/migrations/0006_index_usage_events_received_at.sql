-- The incremental usage rollup (modules/usage-analytics) finds new events by received_at, the
-- ingestion time, which rises with the physical append order of every partition: a BRIN on it
-- is nearly free for COPY (STACK.md) and turns "events received since the watermark" from a
-- scan of every partition into a few block ranges. Partitions created later by
-- usage_ensure_partitions inherit it on ATTACH.
CREATE INDEX "usage_events_received_at_brin" ON "usage_events" USING brin ("received_at");
