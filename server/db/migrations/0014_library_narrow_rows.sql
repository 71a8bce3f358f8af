-- A search for a very common word reads the heap rows of thousands of matches (the GIN index gives
-- their places; the rows give their publication dates). Texts and search documents go out of line
-- (TOAST) as soon as a row passes 128 bytes, so that a row is about a hundred bytes and a page holds
-- dozens of them; they are read back only for the page of results (ranking, snippets).
ALTER TABLE library_documents SET (toast_tuple_target = 128);
