-- The staff lists keep their pages, not only their counts, until the 'reporting' version moves
-- (decision 111). A page of requests also shows the Action each request became, through
-- action_requests: a change to that link bumps the version too.
CREATE TRIGGER "action_requests_bumps_reporting_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "action_requests" FOR EACH STATEMENT EXECUTE FUNCTION bump_reporting_version();
