/**
 * A fixed query run on every page view, prepared on first use and reused: building a drizzle
 * query costs more than running it on a small table.
 */
export function preparedOnce<Statement>(prepare: () => Statement): () => Statement {
  let statement: Statement | undefined;
  return () => (statement ??= prepare());
}
