import { COLLECTIONS } from '../../../infra/database';
import type { TicketDocument } from '../../../infra/documents/console';
import { describeBrowser, encodeSignInScene, TICKET_LIFETIME_MS } from '../../../miniprogram/shared/domain/consoleSignIn';
import { randomId } from '../../core/consoleAccess';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { createQrCode, WxOpenApiError, type QrCodeImage } from '../../core/openapi';

/** The staff subpackage page a sign-in code opens; it shows the request and confirms it. */
export const CONFIRM_PAGE = 'packages/staff/console-confirm/index';

/**
 * A browser asks to sign in to the staff console. It keeps a secret and sends only its SHA-256;
 * the ticket it gets back is shown as a mini-program code whose scene names the ticket. Whoever
 * reads the scene learns nothing that signs them in: redeeming needs the secret. Two requests:
 * WeChat's code, one insert.
 */
export const openTicket: Handler<'console.openTicket'> = async ({ proof }, ctx) => {
  const ticketId = randomId();
  const scene = encodeSignInScene(ticketId);
  let image: QrCodeImage;
  try {
    image = await createQrCode({ scene, page: CONFIRM_PAGE, checkPath: process.env.QR_CHECK_PATH !== 'false' });
  } catch (error) {
    if (!(error instanceof WxOpenApiError)) throw error;
    console.error(`[console] sign-in code refused by WeChat: ${error.errcode} ${error.errmsg}`);
    return fail('ADMIN.QR_FAILED');
  }
  const expiresAt = new Date(ctx.now.getTime() + TICKET_LIFETIME_MS);
  const ticket: TicketDocument = {
    _id: ticketId,
    proofHash: proof,
    state: 'waiting',
    browser: describeBrowser(ctx.http?.userAgent),
    place: ctx.http?.sourceIp || '未知',
    createdAt: ctx.now,
    expiresAt,
  };
  await ctx.db.collection(COLLECTIONS.consoleTickets).add(ticket);
  return { ticketId, scene, qrImage: `data:${image.contentType};base64,${image.bytes.toString('base64')}`, expiresAt: expiresAt.toISOString() };
};
