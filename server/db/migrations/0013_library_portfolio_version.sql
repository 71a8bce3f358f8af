-- The portal shows the library (search results, documents to read, the field guide), so a change to
-- library_documents bumps the 'portfolio' version like the tables of migrations 0002 and 0007, and
-- every process's cached public pages are recomputed at their next request.
CREATE TRIGGER library_documents_bumps_portfolio_version
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON library_documents
  FOR EACH STATEMENT EXECUTE FUNCTION bump_portfolio_version();
