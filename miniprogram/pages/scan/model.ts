import { decodeScene } from '../../shared/domain/scene';
import { callApi, toApiError } from '../../services/api';
import { destinationUrl } from '../../routes';

/**
 * Where a mini-program code leads. The scene comes as `options.scene`, URL-encoded
 * (`d%3DD001`); WeChat hands it to us undecoded.
 */
export type Landing = { kind: 'open'; url: string } | { kind: 'unknown' } | { kind: 'error'; message: string };

/** `options.scene` decoded once; a malformed encoding is kept as it came (and then names nothing). */
export function sceneFromQuery(raw: string | undefined): string {
  if (!raw) return '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * Asks the directory which deputy or station a scene names. A scene that cannot name anything
 * is unknown without asking; a code that names someone no longer listed is unknown too. A
 * network failure is not "unknown": the resident can try again.
 */
export async function resolveLanding(rawScene: string | undefined): Promise<Landing> {
  const scene = sceneFromQuery(rawScene);
  if (!decodeScene(scene)) return { kind: 'unknown' };
  try {
    return { kind: 'open', url: destinationUrl(await callApi('directory.resolveScene', { scene })) };
  } catch (error) {
    const apiError = toApiError(error, 'scan');
    if (apiError.code === 'SCENE.UNKNOWN' || apiError.code === 'COMMON.NOT_FOUND' || apiError.code === 'COMMON.INVALID_INPUT') {
      return { kind: 'unknown' };
    }
    return { kind: 'error', message: apiError.message };
  }
}
