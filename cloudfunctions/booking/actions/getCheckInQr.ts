import { COLLECTIONS } from '../../../infra/database';
import { CHECK_IN_PAGE, checkInScene } from '../../../miniprogram/shared/domain/booking';
import { isDuplicateWrite } from '../../core/databaseErrors';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { createQrCode, WxOpenApiError, type QrCodeImage } from '../../core/openapi';
import { getDownloadUrls, uploadBuffer } from '../../core/storage';
import { findRule, staffAtStation } from '../access';
import { newCheckInToken } from '../ids';

/**
 * WeChat refuses codes for pages not yet in the released version unless check_path is false:
 * QR_CHECK_PATH=false while the check-in page is only in a trial version (as for admin codes).
 */
function checkPath(): boolean {
  return process.env.QR_CHECK_PATH !== 'false';
}

/**
 * The station's check-in code, to print and put up at the station: a mini-program code whose
 * scene carries the station's secret token. `rotate` draws a new token, so old prints stop
 * working (a photo of the poster went around). Stored at qrcodes/checkin-<station code>.<png|jpg>.
 */
export const getCheckInQr: Handler<'booking.getCheckInQr'> = async ({ stationId, rotate }, ctx) => {
  const { db, now } = ctx;
  const { caller, station, rule } = await staffAtStation(ctx, stationId);
  const rules = db.collection(COLLECTIONS.receptionRules);
  let token = rule?.checkInToken;
  if (rule && rotate) {
    token = newCheckInToken();
    await rules.doc(stationId).update({ checkInToken: token, updatedAt: now, updatedBy: caller.openid });
  } else if (!rule) {
    token = newCheckInToken();
    try {
      await rules.add({ _id: stationId, checkInToken: token, updatedAt: now, updatedBy: caller.openid });
    } catch (error) {
      // Two staff asked at once: both print the token that was stored first.
      if (!isDuplicateWrite(error)) throw error;
      token = (await findRule(db, stationId))?.checkInToken;
    }
  }
  if (!token) throw new Error(`station ${stationId} has no check-in token`);
  const scene = checkInScene(token);
  let image: QrCodeImage;
  try {
    image = await createQrCode({ scene, page: CHECK_IN_PAGE, checkPath: checkPath() });
  } catch (error) {
    if (!(error instanceof WxOpenApiError)) throw error;
    console.error(`[booking] check-in code for ${station.code} refused by WeChat: ${error.errcode} ${error.errmsg}`);
    return fail('BOOKING.QR_FAILED');
  }
  const fileID = await uploadBuffer({ cloudPath: `qrcodes/checkin-${station.code}.${image.extension}`, content: image.bytes });
  const [file] = await getDownloadUrls([fileID]);
  return { scene, page: CHECK_IN_PAGE, fileID, url: file?.url ?? '' };
};
