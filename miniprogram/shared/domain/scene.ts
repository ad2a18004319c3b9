/**
 * The scene a mini-program code carries (wxacode.getUnlimited: at most 32 visible characters):
 * `d=<deputy code>` names a deputy, `s=<station code>` a liaison station. Codes, not document
 * ids, so a printed poster survives a data migration and stays short.
 */

export const SCENE_KINDS = ['deputy', 'station'] as const;
export type SceneKind = (typeof SCENE_KINDS)[number];

export interface SceneTarget {
  kind: SceneKind;
  code: string;
}

/** WeChat's limit on a scene. */
export const SCENE_MAX_LENGTH = 32;

/** Deputy and station codes: capitals and digits, readable over the phone (e.g. D001, LJ01). */
export const DEPUTY_CODE_PATTERN = /^[A-Z0-9]{2,12}$/;
export const STATION_CODE_PATTERN = /^[A-Z0-9]{2,8}$/;

const PREFIX: Record<SceneKind, string> = { deputy: 'd', station: 's' };
const CODE_PATTERN: Record<SceneKind, RegExp> = { deputy: DEPUTY_CODE_PATTERN, station: STATION_CODE_PATTERN };

export function encodeScene(target: SceneTarget): string {
  if (!CODE_PATTERN[target.kind].test(target.code)) throw new RangeError(`not a ${target.kind} code: ${JSON.stringify(target.code)}`);
  return `${PREFIX[target.kind]}=${target.code}`;
}

/**
 * A scene as written (`d=D001`), from the scene as the page receives it in `options.scene`
 * (URL-encoded, `d%3DD001`) or already decoded; null when it cannot be decoded.
 */
export function sceneText(scene: string): string | null {
  const text = scene.trim();
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * What a scene names, or null when it names nothing we know how to open. Accepts the scene as
 * the page receives it in `options.scene` (URL-encoded, `d%3DD001`) or already decoded.
 */
export function decodeScene(scene: string): SceneTarget | null {
  const text = sceneText(scene);
  if (text === null) return null;
  if (text.length === 0 || text.length > SCENE_MAX_LENGTH) return null;
  const match = /^([ds])=([A-Za-z0-9]+)$/.exec(text);
  if (!match) return null;
  const kind: SceneKind = match[1] === 'd' ? 'deputy' : 'station';
  const code = (match[2] ?? '').toUpperCase();
  return CODE_PATTERN[kind].test(code) ? { kind, code } : null;
}

/**
 * A scene that carries one secret token after its letter (`c=<check-in token>`, `l=<sign-in
 * ticket>`): `encode` writes it for a valid token, `decode` reads the token back from the scene as
 * the page receives it (URL-encoded or not), or null when the scene is not one of these.
 */
export function tokenScene(letter: string, pattern: RegExp, what: string): { encode: (token: string) => string; decode: (scene: string) => string | null } {
  const prefix = `${letter}=`;
  return {
    encode: (token) => {
      if (!pattern.test(token)) throw new RangeError(`not a ${what}`);
      return prefix + token;
    },
    decode: (scene) => {
      const text = sceneText(scene);
      const token = text?.startsWith(prefix) ? text.slice(prefix.length) : null;
      return token !== null && pattern.test(token) ? token : null;
    },
  };
}
