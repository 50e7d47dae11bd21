"""Tags: finding the taxonomy's keywords in an article by words, weighing how much the article is
about each tag, and reporting what the taxonomy misses (`bulletin tags --suggest`)."""
