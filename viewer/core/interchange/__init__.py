"""Files that go out and come in: catalog JSON, TimelineJS, CSV, citations."""
