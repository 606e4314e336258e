"""What rules share about one document, each computed once: visible text, the phrase index,
links, review dates, schema results, and the authority data as a resource."""
