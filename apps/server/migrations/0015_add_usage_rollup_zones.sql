CREATE TABLE "usage_rollup_zones" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"timezone" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "usage_rollup_zones" ADD CONSTRAINT "usage_rollup_zones_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Existing rollups were computed in each workspace's current zone.
INSERT INTO "usage_rollup_zones" ("workspace_id", "timezone") SELECT "id", "timezone" FROM "workspaces";
