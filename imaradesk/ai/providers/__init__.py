"""AI vendors, one module each (ARCHITECTURE §5 rule 4), behind the Provider protocol in base.py."""
