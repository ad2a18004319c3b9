/**
 * `work` over every item, at most `atOnce` at a time, answers in the items' order: for jobs over a
 * city's thousands of deputies or cases, where starting everything at once would send thousands of
 * database requests together (a basic CloudBase environment allows about 30 a second).
 */
export async function inTurns<T, R>(items: readonly T[], atOnce: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const answers: R[] = [];
  for (let start = 0; start < items.length; start += atOnce) answers.push(...(await Promise.all(items.slice(start, start + atOnce).map(work))));
  return answers;
}
