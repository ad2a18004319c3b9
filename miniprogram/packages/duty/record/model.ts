import type { DutyRecord } from '../../../shared/contract/duty';
import { figureSentences } from '../../../shared/domain/duty';
import { shanghaiDate } from '../../../shared/domain/time';
import { appClock } from '../../../services/clock';
import { callApi } from '../../../services/api';
import { loading, settle, type Loaded } from '../../../utils/load-state';

export interface RecordLine {
  id: string;
  date: string;
  title: string;
  points: string;
  reason: string;
  struck: boolean;
}

export interface RecordView {
  heading: string;
  total: number;
  sentences: string[];
  lines: RecordLine[];
  contestNote: string;
  pendingNote: string;
  /** The deputy's 错、重、漏 and what staff decided, each in one sentence. */
  contests: Array<{ id: string; text: string }>;
  /** Where staff turned ranking on: this year's place within the station, then the area. */
  rankings: string[];
  /** Leave asked for reception days and where each stands. */
  leaves: Array<{ id: string; text: string }>;
}

export type DutyRecordState = Loaded<RecordView> & { year: number };

const signed = (points: number): string => (points > 0 ? `+${points}` : String(points));

/** The record as the deputy reads it: "why I have 37 分", one line per entry, newest first. */
export function toRecordView(record: DutyRecord): RecordView {
  const pending = record.activities.filter((activity) => activity.status === 'pending').length;
  return {
    heading: `${record.deputyName} · ${record.year}年履职档案`,
    total: record.score.total,
    sentences: figureSentences(record.figures, record.year),
    lines: [...record.entries]
      .reverse()
      .map((entry) => ({ id: entry.id, date: entry.date, title: entry.title, points: signed(entry.points), reason: entry.reason, struck: entry.struck })),
    contestNote: record.contestWindow
      ? `${record.contestWindow.from} 至 ${record.contestWindow.until} 可对错、重、漏的记录提出异议${record.contestOpen ? '（现在可以提出）' : ''}`
      : '工作人员尚未设定核对期',
    contests: record.contests.map((contest) => {
      const entry = contest.entryId ? record.entries.find((candidate) => candidate.id === contest.entryId) : undefined;
      const about = entry ? `“${entry.date} ${entry.title}”` : contest.kind === 'missing' ? '漏记的活动' : '一条记录';
      const decision = contest.status === 'open' ? contest.statusLabel : `${contest.statusLabel}：${contest.decisionNote}`;
      return { id: contest.contestId, text: `${contest.kindLabel} · ${about}（${contest.reason}）— ${decision}` };
    }),
    rankings: record.rankings.map((ranking) => `积分在${ranking.within}的代表中排第${ranking.rank}名（共${ranking.of}名）`),
    leaves: record.leaves.map((leave) => ({ id: leave.dayId, text: `${leave.date} ${leave.stationName}接待日请假 — ${leave.statusLabel}` })),
    pendingNote: pending > 0 ? `还有${pending}项履职活动等待工作人员确认，确认后计入积分` : '',
  };
}

export function initialDutyRecordState(): DutyRecordState {
  return { ...loading<RecordView>(), year: Number(shanghaiDate(appClock.now()).slice(0, 4)) };
}

export function createDutyRecord(render: (change: Partial<DutyRecordState>) => void, deputyId?: string) {
  let year = initialDutyRecordState().year;
  async function load(): Promise<void> {
    render(await settle(() => callApi('duty.getRecord', deputyId ? { year, deputyId } : { year }), toRecordView));
  }
  return {
    load,
    async changeYear(delta: number): Promise<void> {
      year += delta;
      render({ year, ...loading<RecordView>() });
      await load();
    },
  };
}
