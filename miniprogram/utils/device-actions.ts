/**
 * What a detail page's taps ask of the phone — dial a number, open a place on the map, look at
 * the photos — with what the page says when WeChat cannot do it (the failure is logged under the
 * page's name).
 */
import { makePhoneCall, openLocation, previewImages, showToast, type Place } from '../services/wx';

/** Dials the number; where the phone cannot, says it to dial by hand. */
export function callOrShowNumber(pageName: string, phone: string): Promise<unknown> {
  return makePhoneCall(phone).catch((error: unknown) => {
    console.warn(`[${pageName}] makePhoneCall failed`, error);
    showToast(`请拨打 ${phone}`);
  });
}

/** Opens the place in WeChat's map; where it cannot, says `failed`. */
export function openMapOr(pageName: string, place: Place, failed: string): Promise<void> {
  return openLocation(place).catch((error: unknown) => {
    console.warn(`[${pageName}] openLocation failed`, error);
    showToast(failed);
  });
}

/** The photos full screen, from the one tapped. */
export function previewPhotos(photos: ReadonlyArray<{ url: string }>, current: string): void {
  previewImages(
    photos.map((photo) => photo.url),
    current,
  );
}
