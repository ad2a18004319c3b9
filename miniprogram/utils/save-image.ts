import { saveImageToAlbum, showToast, WxCallError } from '../services/wx';

export interface SaveImageMessages {
  /** Toasted once the image is in the album. */
  saved: string;
  /** Shown when the album is not allowed (the user can allow it, or save from the preview). */
  denied: string;
  /** Shown for any other failure. */
  failed: (error: unknown) => string;
}

/**
 * Saves an image (a QR code to print) to the phone's album: toasts on success, answers what to show
 * when it was not saved ('' when it was). `context` names the page in the log of unexpected failures.
 */
export async function saveToAlbum(url: string, messages: SaveImageMessages, context: string): Promise<string> {
  try {
    await saveImageToAlbum(url);
    showToast(messages.saved);
    return '';
  } catch (error) {
    const denied = error instanceof WxCallError && error.kind === 'denied';
    if (!denied) console.warn(`[${context}] saving the image failed`, error);
    return denied ? messages.denied : messages.failed(error);
  }
}
