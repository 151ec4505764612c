"""panels room: the docks beside the canvas: inspector, lanes and stages, findings."""
