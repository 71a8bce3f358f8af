-- The lists keep their counts until the portfolio changes (server/kernel/cache/cached-count.ts), under
-- the 'reporting' version (0018). Their filters and scopes also read which institutions an Action or a
-- request has, the institutions themselves, and the experts' topics, languages and skills: a change to
-- those bumps the version too.
DO $$
DECLARE
  covered text[] := ARRAY[
    'action_institutions', 'request_institutions', 'institutions',
    'expert_topics', 'expert_languages', 'expert_skills'
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
