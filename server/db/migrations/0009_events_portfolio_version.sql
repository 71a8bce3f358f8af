-- Events appear on the public portal (home, events page, calendar feed), whose responses are cached
-- under the 'portfolio' version (see 0002). A change to them bumps that version too.
CREATE TRIGGER "events_bumps_portfolio_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "events"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_portfolio_version();
