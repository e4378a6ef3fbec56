CREATE TABLE "health_experience_inputs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"custom_key" text DEFAULT '' NOT NULL,
	"value" double precision NOT NULL,
	"observed_at" timestamp with time zone NOT NULL,
	"set_by" uuid,
	"source" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "health_north_star_targets" (
	"workspace_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"target" double precision NOT NULL,
	"set_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "health_north_star_targets_pkey" PRIMARY KEY("workspace_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "health_scorecard_versions" (
	"workspace_id" uuid NOT NULL,
	"scorecard_id" text NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"author_id" uuid,
	"source" text NOT NULL,
	"note" text,
	"changes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "health_scorecard_versions_pkey" PRIMARY KEY("workspace_id","scorecard_id","version")
);
--> statement-breakpoint
CREATE TABLE "health_scorecards" (
	"workspace_id" uuid NOT NULL,
	"scorecard_id" text NOT NULL,
	"current_version" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "health_scorecards_pkey" PRIMARY KEY("workspace_id","scorecard_id")
);
--> statement-breakpoint
CREATE TABLE "health_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"band_red" double precision NOT NULL,
	"band_yellow" double precision NOT NULL,
	"score_drop_threshold" double precision NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "health_snapshots" (
	"workspace_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"date" date NOT NULL,
	"score" real,
	"outcome_score" real,
	"experience_score" real,
	"band" text,
	"coverage" real NOT NULL,
	"scorecard_id" text NOT NULL,
	"scorecard_version" integer NOT NULL,
	"measures" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "health_snapshots_pkey" PRIMARY KEY("workspace_id","account_id","date")
);
--> statement-breakpoint
ALTER TABLE "health_experience_inputs" ADD CONSTRAINT "health_experience_inputs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_experience_inputs" ADD CONSTRAINT "health_experience_inputs_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_experience_inputs" ADD CONSTRAINT "health_experience_inputs_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_north_star_targets" ADD CONSTRAINT "health_north_star_targets_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_north_star_targets" ADD CONSTRAINT "health_north_star_targets_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_north_star_targets" ADD CONSTRAINT "health_north_star_targets_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_scorecard_versions" ADD CONSTRAINT "health_scorecard_versions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_scorecard_versions" ADD CONSTRAINT "health_scorecard_versions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_scorecards" ADD CONSTRAINT "health_scorecards_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_settings" ADD CONSTRAINT "health_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_settings" ADD CONSTRAINT "health_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_snapshots" ADD CONSTRAINT "health_snapshots_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_snapshots" ADD CONSTRAINT "health_snapshots_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "health_experience_inputs_lookup_idx" ON "health_experience_inputs" USING btree ("workspace_id","account_id","kind","custom_key","observed_at");--> statement-breakpoint
CREATE INDEX "health_snapshots_workspace_date_idx" ON "health_snapshots" USING btree ("workspace_id","date");