CREATE INDEX "library_terms_words_en_idx" ON "library_terms" USING gin ("words") WHERE language = 'en';--> statement-breakpoint
CREATE INDEX "library_terms_words_fr_idx" ON "library_terms" USING gin ("words") WHERE language = 'fr';--> statement-breakpoint
CREATE INDEX "library_terms_words_es_idx" ON "library_terms" USING gin ("words") WHERE language = 'es';--> statement-breakpoint
CREATE INDEX "library_terms_words_pt_idx" ON "library_terms" USING gin ("words") WHERE language = 'pt';--> statement-breakpoint
CREATE INDEX "library_terms_words_ar_idx" ON "library_terms" USING gin ("words") WHERE language = 'ar';