-- Raw usage events: append-only, partitioned by month of the (clock-skew corrected) event time.
-- Hand-written because drizzle-kit cannot declare partitioned tables; the drizzle declaration
-- for queries lives in modules/usage/usage-events.table.ts. See docs/adr/0007.
-- Deliberately lean: no primary key, no foreign keys and no btree on random keys, because each
-- one costs COPY throughput; de-duplication lives in usage_message_ids.
CREATE TABLE "usage_events" (
	"workspace_id" uuid NOT NULL,
	"message_id" text NOT NULL,
	"type" text NOT NULL,
	"event" text,
	"name" text,
	"user_id" text,
	"anonymous_id" text,
	"group_id" text,
	"previous_id" text,
	"account_id" uuid,
	"timestamp" timestamp with time zone NOT NULL,
	"original_timestamp" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"received_at" timestamp with time zone NOT NULL,
	"properties" jsonb,
	"traits" jsonb,
	"context" jsonb
) PARTITION BY RANGE ("timestamp");
--> statement-breakpoint
-- Events whose month has no partition (far past, far future) land here, never lost.
CREATE TABLE "usage_events_default" PARTITION OF "usage_events" DEFAULT;
--> statement-breakpoint
-- BRIN: events arrive roughly in time order, so a BRIN on time is nearly free to maintain.
CREATE INDEX "usage_events_timestamp_brin" ON "usage_events" USING brin ("timestamp");
--> statement-breakpoint
-- Creates the monthly partitions from from_month for `months` months (UTC month boundaries).
-- Rows already sitting in the default partition for such a month are moved into the new
-- partition first, so attaching never fails on them. Safe to call concurrently and repeatedly.
CREATE FUNCTION "usage_ensure_partitions"(from_month date, months integer) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
	lo timestamptz;
	hi timestamptz;
	part text;
	created integer := 0;
BEGIN
	PERFORM pg_advisory_xact_lock(72646212);
	FOR i IN 0 .. months - 1 LOOP
		lo := (date_trunc('month', from_month::timestamp) + make_interval(months => i)) AT TIME ZONE 'UTC';
		hi := (date_trunc('month', from_month::timestamp) + make_interval(months => i + 1)) AT TIME ZONE 'UTC';
		part := 'usage_events_y' || to_char(lo AT TIME ZONE 'UTC', 'YYYY') || 'm' || to_char(lo AT TIME ZONE 'UTC', 'MM');
		CONTINUE WHEN to_regclass(part) IS NOT NULL;
		EXECUTE format('CREATE TABLE %I (LIKE usage_events INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', part);
		EXECUTE format(
			'WITH moved AS (DELETE FROM usage_events_default WHERE "timestamp" >= %L AND "timestamp" < %L RETURNING *) INSERT INTO %I SELECT * FROM moved',
			lo, hi, part);
		EXECUTE format('ALTER TABLE usage_events ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', part, lo, hi);
		created := created + 1;
	END LOOP;
	RETURN created;
END
$$;
--> statement-breakpoint
SELECT "usage_ensure_partitions"((now() - interval '1 month')::date, 4);
