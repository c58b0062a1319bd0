/** "a", "b", "c" and 4 more: lines quoted in an import's warnings, never all of a long list. */
export function quoteList(items: string[], max = 6): string {
  const shown = items
    .slice(0, max)
    .map((s) => `"${s}"`)
    .join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}
