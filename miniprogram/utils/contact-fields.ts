/**
 * What a resident leaves to be reached by, as the booking and opinion forms take it: the name as
 * typed, the phone without the spaces people type into numbers (138 0000 0000). `change` is the
 * form's own: it keeps the draft and renders.
 */
export function contactSetters(change: (update: { name?: string; phone?: string }) => void) {
  return {
    setName: (name: string): void => change({ name }),
    setPhone: (phone: string): void => change({ phone: phone.replace(/\s+/g, '') }),
  };
}
