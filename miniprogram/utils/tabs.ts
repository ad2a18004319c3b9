/** A tab of a list: its value, and the label it shows (with its count once the list has counted it). */
export interface TabView<V extends string> {
  value: V;
  label: string;
}

/**
 * The tabs in `order`, each labelled with its name and, once counted, how many items it holds
 * (待处理 3): the counts a `TabbedPage` brings with its first page.
 */
export function countedTabs<V extends string>(order: readonly V[], names: Readonly<Record<V, string>>, counts?: Readonly<Partial<Record<V, number>>>): TabView<V>[] {
  return order.map((value) => {
    const count = counts?.[value];
    return { value, label: count === undefined ? names[value] : `${names[value]} ${count}` };
  });
}
