/**
 * `npm run console:confirm -- <scene> [openid]`: signs the staff console in without a phone, on the
 * local runtime only. It does what the mini-program's 电脑端登录确认 page does after a scan: it sends
 * console.confirmTicket for the ticket the scene names, as the demo staff member (demo-staff-city
 * unless another OPENID is given), through POST /fn/console with the local caller header.
 */
import { decodeSignInScene } from '../miniprogram/shared/domain/consoleSignIn';

async function main(): Promise<void> {
  const [scene = '', openid = 'demo-staff-city'] = process.argv.slice(2);
  const ticketId = decodeSignInScene(scene) ?? decodeSignInScene(`l=${scene}`);
  if (!ticketId) {
    console.error('usage: npm run console:confirm -- <scene shown under the code, e.g. l=AbC…> [openid]');
    process.exit(2);
  }
  const url = `http://127.0.0.1:${process.env.PORT ?? '3900'}/fn/console`;
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
    body: JSON.stringify({ action: 'console.confirmTicket', payload: { ticketId } }),
  });
  const answer = (await res.json()) as { ok: boolean; message?: string };
  if (!answer.ok) {
    console.error(`not confirmed: ${answer.message ?? res.status}`);
    process.exit(1);
  }
  console.log(`confirmed as ${openid}: the console signs in within two seconds`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
