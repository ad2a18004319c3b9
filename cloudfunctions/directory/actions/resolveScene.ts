import { COLLECTIONS } from '../../../infra/database';
import { decodeScene } from '../../../miniprogram/shared/domain/scene';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';

/**
 * Where a scanned mini-program code leads. A scene we cannot read, or one naming a deputy or
 * station that no longer exists or has retired, is SCENE.UNKNOWN, whose message sends the
 * resident to the station list. One database request (by the unique code index).
 */
export const resolveScene: Handler<'directory.resolveScene'> = async ({ scene }, { db }) => {
  const target = decodeScene(scene);
  if (!target) fail('SCENE.UNKNOWN');
  const collection = target.kind === 'deputy' ? COLLECTIONS.deputies : COLLECTIONS.stations;
  const { data } = await db.collection(collection).where({ code: target.code, active: true }).limit(1).field({ _id: true }).get();
  const found = (data as Array<{ _id: string }>)[0];
  if (!found) fail('SCENE.UNKNOWN');
  return { kind: target.kind, id: found._id };
};
