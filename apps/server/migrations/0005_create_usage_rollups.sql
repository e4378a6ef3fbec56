CREATE TABLE "product_features" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"module" text,
	"event_name" text NOT NULL,
	"property_name" text,
	"property_value" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "usage_account_days" (
	"workspace_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"day" date NOT NULL,
	"events" integer NOT NULL,
	"active_users" integer NOT NULL,
	"hour_counts" integer[] NOT NULL,
	"event_counts" jsonb NOT NULL,
	CONSTRAINT "usage_account_days_pkey" PRIMARY KEY("workspace_id","account_id","day")
);
--> statement-breakpoint
CREATE TABLE "usage_rollup_state" (
	"name" text PRIMARY KEY NOT NULL,
	"settled_until" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "usage_user_days" (
	"workspace_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"day" date NOT NULL,
	"user_id" text NOT NULL,
	"events" integer NOT NULL,
	"event_counts" jsonb NOT NULL,
	CONSTRAINT "usage_user_days_pkey" PRIMARY KEY("workspace_id","account_id","day","user_id")
);
--> statement-breakpoint
ALTER TABLE "product_features" ADD CONSTRAINT "product_features_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_account_days" ADD CONSTRAINT "usage_account_days_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_account_days" ADD CONSTRAINT "usage_account_days_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_user_days" ADD CONSTRAINT "usage_user_days_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_user_days" ADD CONSTRAINT "usage_user_days_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "product_features_workspace_idx" ON "product_features" USING btree ("workspace_id","name");--> statement-breakpoint
CREATE INDEX "usage_account_days_workspace_day_idx" ON "usage_account_days" USING btree ("workspace_id","day");