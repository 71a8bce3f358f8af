-- The dashboard and the portfolio results count across the whole portfolio (officials trained read
-- every participation and its attendance), so the app processes cache their answers. Any change to a
-- table they read bumps the 'reporting' version in the same transaction, which invalidates every
-- process's cached copies at once, as the 'portfolio' version does for the public pages (0002).
INSERT INTO "cache_versions" ("name", "version") VALUES ('reporting', 1) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION bump_reporting_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "cache_versions" SET "version" = "version" + 1 WHERE "name" = 'reporting';
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DO $$
DECLARE
  covered text[] := ARRAY[
    'actions', 'action_countries', 'action_topics', 'regions', 'countries', 'topics',
    'activities', 'participations', 'attendance', 'people', 'deliverables', 'deployments', 'experts',
    'requests', 'request_transitions', 'request_countries', 'request_topics'
  ];
  t text;
BEGIN
  FOREACH t IN ARRAY covered LOOP
    EXECUTE format(
      'CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION bump_reporting_version()',
      t || '_bumps_reporting_version', t);
  END LOOP;
END;
$$;
