-- The public portal shows held activities, published public deliverables and the countries (never the
-- names) of the experts deployed on them. A change to any of these tables bumps the 'portfolio'
-- version, like the tables of migration 0002, so that every process's cached public pages are
-- recomputed at their next request.
DO $$
DECLARE
  covered text[] := ARRAY['activities', 'deliverables', 'deliverable_versions', 'deployments', 'experts'];
  t text;
BEGIN
  FOREACH t IN ARRAY covered LOOP
    EXECUTE format(
      'CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION bump_portfolio_version()',
      t || '_bumps_portfolio_version', t);
  END LOOP;
END;
$$;
