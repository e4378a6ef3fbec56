CREATE TABLE "usage_ingest_flushes" (
	"xid" bigint NOT NULL,
	"received_from" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "usage_rollup_state" ADD COLUMN "read_until" timestamp with time zone;