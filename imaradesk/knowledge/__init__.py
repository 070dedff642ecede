"""Knowledge base: upload validation, extract, chunk, embed, vector search, grounded answers."""
