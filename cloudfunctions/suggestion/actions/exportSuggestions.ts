import { randomBytes } from 'node:crypto';
import { COLLECTIONS } from '../../../infra/database';
import type { SuggestionDocument } from '../../../infra/documents/suggestions';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { getDownloadUrls, uploadBuffer } from '../../core/storage';
import { loadSuggestionCaller } from '../access';
import { countSuggestions, statsTarget } from '../figures';
import { suggestionWorkbook } from '../workbook';

/** The most suggestions one workbook lists. */
export const EXPORT_MAX_SUGGESTIONS = 5000;
/** CloudBase answers at most this many documents per read. */
const READ_PAGE = 1000;

/**
 * The session's figures and list as the Excel workbook congresses publish (总体情况, 承办单位, 代表团,
 * 建议清单), in cloud storage (exports/suggestions/…) with a temporary URL to download it. About
 * seven database requests for the figures, then one per thousand suggestions listed.
 */
export const exportSuggestions: Handler<'suggestion.export'> = async (request, ctx) => {
  const caller = await loadSuggestionCaller(ctx, ['staff']);
  const { db, now } = ctx;
  const target = await statsTarget(ctx, caller, request);
  const figures = await countSuggestions(db, target, now);
  if (figures.counts.received > EXPORT_MAX_SUGGESTIONS) fail('SUGGESTION.EXPORT_TOO_LARGE');
  const rows: SuggestionDocument[] = [];
  for (let skip = 0; skip < figures.counts.received; skip += READ_PAGE) {
    const { data } = await db
      .collection(COLLECTIONS.suggestions)
      .where(target.narrowed)
      .orderBy('submittedAt', 'asc')
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(READ_PAGE)
      .field({ timeline: false, content: false, cause: false })
      .get();
    rows.push(...(data as SuggestionDocument[]));
    if (data.length < READ_PAGE) break;
  }
  // 建议清单 reads by number; those never registered (一般意见, returned) follow, as they came in.
  rows.sort((a, b) => (a.number ?? Infinity) - (b.number ?? Infinity) || new Date(a.submittedAt ?? 0).getTime() - new Date(b.submittedAt ?? 0).getTime());
  const content = await suggestionWorkbook({ ...target, ...figures, generatedAt: now.toISOString(), holidaysUnknownYears: [] }, rows, now);
  const place = [target.session.id, target.area?.id, target.unit?.id].filter(Boolean).join('-');
  const fileID = await uploadBuffer({ cloudPath: `exports/suggestions/${place}-${randomBytes(6).toString('hex')}.xlsx`, content });
  const [file] = await getDownloadUrls([fileID]);
  const narrowedTo = target.area?.name ?? target.unit?.name;
  return { fileID, url: file?.url ?? '', fileName: `代表建议办理情况_${target.session.name}${narrowedTo ? `_${narrowedTo}` : ''}.xlsx`, suggestionCount: rows.length };
};
