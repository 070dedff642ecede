"""AI capability: text in; labels, text and vectors out. Never touches conversations."""
