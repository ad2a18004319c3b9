/**
 * A tab of a list: its value, its name, how many it holds once counted ('' while not), and the
 * label a screen reader says (待处理 3).
 */
export interface TabView<V extends string> {
  value: V;
  name: string;
  count: string;
  label: string;
}

/**
 * The tabs in `order`, each with its name and, once counted, how many items it holds: the counts a
 * `TabbedPage` brings with its first page (templates/count-tabs.wxml shows them).
 */
export function countedTabs<V extends string>(order: readonly V[], names: Readonly<Record<V, string>>, counts?: Readonly<Partial<Record<V, number>>>): TabView<V>[] {
  return order.map((value) => {
    const count = counts?.[value];
    const name = names[value];
    return count === undefined ? { value, name, count: '', label: name } : { value, name, count: String(count), label: `${name} ${count}` };
  });
}
