-- The public portfolio (Actions and everything they show) is cached by the app processes. Any change
-- to these tables bumps the 'portfolio' version in the same transaction, which invalidates every
-- process's cached copies at once.
INSERT INTO "cache_versions" ("name", "version") VALUES ('portfolio', 1) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION bump_portfolio_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "cache_versions" SET "version" = "version" + 1 WHERE "name" = 'portfolio';
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DO $$
DECLARE
  covered text[] := ARRAY[
    'actions', 'action_countries', 'action_institutions', 'action_topics', 'action_pillars',
    'action_approaches', 'action_partners', 'institutions', 'institution_member_countries',
    'partner_organisations', 'regions', 'countries', 'thematic_areas', 'topics', 'pillars', 'approaches'
  ];
  t text;
BEGIN
  FOREACH t IN ARRAY covered LOOP
    EXECUTE format(
      'CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION bump_portfolio_version()',
      t || '_bumps_portfolio_version', t);
  END LOOP;
END;
$$;
