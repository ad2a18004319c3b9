import { COLLECTIONS } from '../../../infra/database';
import type { StaffScope } from '../../../miniprogram/shared/domain/account';
import { encodeScene, type SceneKind } from '../../../miniprogram/shared/domain/scene';
import { fail } from '../../core/errors';
import type { CallContext, Handler } from '../../core/handler';
import { createQrCode as makeQrImage, WxOpenApiError, type QrCodeImage } from '../../core/openapi';
import { getDownloadUrls, uploadBuffer } from '../../core/storage';
import { coversAnyStation, coversStation, findDeputyWithStations, loadStaff, type StationDocument } from '../staffScope';

/** The page every mini-program code opens; it resolves the scene (directory.resolveScene). */
export const SCAN_PAGE = 'pages/scan/index';

/**
 * WeChat refuses codes for pages not yet in the released version unless check_path is false:
 * set QR_CHECK_PATH=false while the scan page is only in a trial version.
 */
function checkPath(): boolean {
  return process.env.QR_CHECK_PATH !== 'false';
}

/** The deputy's or station's code and whether it is in the caller's scope and active. */
async function targetCode(ctx: CallContext, scope: StaffScope, kind: SceneKind, id: string): Promise<{ code: string; active: boolean }> {
  if (kind === 'deputy') {
    const deputy = await findDeputyWithStations(ctx.db, id);
    if (!deputy) fail('COMMON.NOT_FOUND');
    if (!coversAnyStation(scope, deputy.stations)) fail('ADMIN.OUT_OF_SCOPE');
    return { code: deputy.code, active: deputy.active };
  }
  const { data } = await ctx.db.collection(COLLECTIONS.stations).where({ _id: id }).limit(1).field({ _id: true, code: true, areaPath: true, active: true }).get();
  const station = (data as StationDocument[])[0];
  if (!station) fail('COMMON.NOT_FOUND');
  if (!coversStation(scope, station)) fail('ADMIN.OUT_OF_SCOPE');
  return { code: station.code, active: station.active };
}

/**
 * The image (PNG or JPEG, as WeChat makes it) of a deputy's or a station's mini-program code, for posters and cards: made by
 * wxacode.getUnlimited with the scene naming the target, stored at qrcodes/<kind>-<code>.<png|jpg>
 * (a new one replaces the old; the scene is the same). Two database requests.
 */
export const createQrCode: Handler<'admin.createQrCode'> = async ({ kind, id }, ctx) => {
  const { scope } = await loadStaff(ctx);
  const target = await targetCode(ctx, scope, kind, id);
  if (!target.active) fail('ADMIN.TARGET_INACTIVE');
  const scene = encodeScene({ kind, code: target.code });
  let image: QrCodeImage;
  try {
    image = await makeQrImage({ scene, page: SCAN_PAGE, checkPath: checkPath() });
  } catch (error) {
    if (!(error instanceof WxOpenApiError)) throw error;
    console.error(`[admin] QR code for ${scene} refused by WeChat: ${error.errcode} ${error.errmsg}`);
    return fail('ADMIN.QR_FAILED');
  }
  const fileID = await uploadBuffer({ cloudPath: `qrcodes/${kind}-${target.code}.${image.extension}`, content: image.bytes });
  const [file] = await getDownloadUrls([fileID]);
  return { scene, fileID, url: file?.url ?? '' };
};
