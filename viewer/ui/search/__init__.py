"""The search panel: box, filters, result list and the worker that runs queries."""
