"""The offline stack behind `providers/local.py`: language id, sentiment, intent centroids, extractive summaries."""
