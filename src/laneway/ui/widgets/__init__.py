"""widgets room: small widgets every other room may use: commit-on-finish fields, lane
colour swatches, headings and the one-sentence prompts."""
