/** What the counter tests (case and visit counters) compare. */

/** Counter documents (`<place>|<month>`, totals and days), without the zeros a case or a day that moved away leaves behind. */
export function normalisedCounters(docs: ReadonlyArray<{ _id: string; total?: object; days?: Record<string, object> }>) {
  const clean = (values: object | undefined) => Object.fromEntries(Object.entries(values ?? {}).filter(([, n]) => n !== 0));
  return docs
    .map((doc) => ({
      _id: doc._id,
      total: clean(doc.total),
      days: Object.fromEntries(
        Object.entries(doc.days ?? {})
          .map(([day, values]) => [day, clean(values)] as const)
          .filter(([, values]) => Object.keys(values).length > 0),
      ),
    }))
    .filter((doc) => Object.keys(doc.total).length > 0)
    .sort((a, b) => a._id.localeCompare(b._id));
}
