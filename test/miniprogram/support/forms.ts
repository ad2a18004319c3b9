import type { PageDriver } from './page';

/** What a form said was wrong, and what the person then typed (selector → value) to put it right. */
export interface Correction {
  says: string;
  type: Record<string, string>;
}

/**
 * A form sent before it is right, as people do: taps `button`; for each correction in turn, the
 * page shows what it says, the fields are typed as given, and `button` is tapped again. What the
 * last tap leads to is the test's to wait for.
 */
export async function submitCorrecting(page: PageDriver, button: string, corrections: readonly Correction[]): Promise<void> {
  await page.tap(button);
  for (const { says, type } of corrections) {
    expect(page.text()).toContain(says);
    for (const [selector, value] of Object.entries(type)) await page.type(selector, value);
    await page.tap(button);
  }
}

/** A 履职活动 as the deputy's form and staff's form for several deputies both take it: its kind tapped, then where and what. */
export async function fillActivity(page: PageDriver, activity: { kind: string; place: string; note: string }): Promise<void> {
  await page.tap(activity.kind);
  await page.type('.place-input', activity.place);
  await page.type('.note-input', activity.note);
}
