import { DEPUTY_LEVELS, DEPUTY_LEVEL_LABELS, type Deputy, type DeputyLevel, type StationSummary } from '../../../shared/domain/directory';
import { DEPUTY_CODE_PATTERN } from '../../../shared/domain/scene';
import { callApi } from '../../../services/api';
import type { LoadStatus } from '../../../utils/load-state';
import { compact, loadInStaffScope, optionalText, requiredText, savedText } from '../directory-form';
import { createDirectoryFormEditor } from '../directory-form-editor';

/** As many stations as admin.saveDeputy accepts. */
export const MAX_DEPUTY_STATIONS = 5;

export const DEPUTY_MESSAGES = {
  code: '编号为2–12位大写字母或数字，如 D001',
  level: '请选择代表层级',
  stations: '请至少选择一个联络站',
  tooManyStations: `最多选择${MAX_DEPUTY_STATIONS}个联络站`,
  created: '代表已新增',
  saved: '已保存',
} as const;

export interface DeputyForm {
  code: string;
  name: string;
  level: DeputyLevel | '';
  constituency: string;
  occupation: string;
  profile: string;
  /** In order: the first one handles opinions left for the deputy. */
  stationIds: string[];
  active: boolean;
}

export interface DeputyFormErrors {
  code?: string;
  name?: string;
  level?: string;
  constituency?: string;
  occupation?: string;
  profile?: string;
  stationIds?: string;
}

export interface ChoiceItem {
  id: string;
  label: string;
}

export interface StationChoice extends ChoiceItem {
  selected: boolean;
  /** 1 for the station handling opinions, else its place in the list; 0 when not chosen. */
  order: number;
}

export interface DeputyEditState {
  status: LoadStatus;
  errorMessage: string;
  deputyId: string;
  form: DeputyForm;
  levels: ChoiceItem[];
  stations: StationChoice[];
  /** Chosen stations the staff member does not cover: kept as they are. */
  otherStations: string;
  errors: DeputyFormErrors;
  saving: boolean;
  saveError: string;
  saved: string;
}

export const LEVEL_CHOICES: ChoiceItem[] = DEPUTY_LEVELS.map((level) => ({ id: level, label: DEPUTY_LEVEL_LABELS[level] }));

export function emptyDeputyForm(stationId = ''): DeputyForm {
  return { code: '', name: '', level: '', constituency: '', occupation: '', profile: '', stationIds: stationId ? [stationId] : [], active: true };
}

export function initialDeputyEditState(): DeputyEditState {
  return {
    status: 'loading',
    errorMessage: '',
    deputyId: '',
    form: emptyDeputyForm(),
    levels: LEVEL_CHOICES,
    stations: [],
    otherStations: '',
    errors: {},
    saving: false,
    saveError: '',
    saved: '',
  };
}

export function formOf(deputy: Deputy): DeputyForm {
  const { code, name, level, constituency, occupation, profile, stationIds, active } = deputy;
  return { code, name, level, constituency, occupation, profile, stationIds: [...stationIds], active };
}

/** The same rules as admin.saveDeputy's payload, said next to each field. */
export function validateDeputy(form: DeputyForm): DeputyFormErrors {
  return compact({
    code: DEPUTY_CODE_PATTERN.test(form.code.trim().toUpperCase()) ? '' : DEPUTY_MESSAGES.code,
    name: requiredText(form.name, 20),
    level: form.level ? '' : DEPUTY_MESSAGES.level,
    constituency: requiredText(form.constituency, 40),
    occupation: optionalText(form.occupation, 60),
    profile: optionalText(form.profile, 500),
    stationIds: form.stationIds.length === 0 ? DEPUTY_MESSAGES.stations : form.stationIds.length > MAX_DEPUTY_STATIONS ? DEPUTY_MESSAGES.tooManyStations : '',
  });
}

export function stationChoices(stations: readonly ChoiceItem[], chosen: readonly string[]): StationChoice[] {
  return stations.map((station) => {
    const index = chosen.indexOf(station.id);
    return { ...station, selected: index >= 0, order: index + 1 };
  });
}

/** Adds a station at the end of the list, or takes it off. */
export function toggleStation(chosen: readonly string[], stationId: string): string[] {
  return chosen.includes(stationId) ? chosen.filter((id) => id !== stationId) : [...chosen, stationId];
}

export type TextField = 'code' | 'name' | 'constituency' | 'occupation' | 'profile';

/**
 * A deputy's form: create one (at the station it was opened from, `?stationId=`) or edit the one
 * its query names (`?deputyId=`) in the staff member's scope. Stations offered are those the
 * staff member covers; others the deputy receives at are kept. The server decides scope and code
 * uniqueness.
 */
export function createDeputyEdit(query: { deputyId?: string; stationId?: string }, render: (change: Partial<DeputyEditState>) => void) {
  let deputyId = query.deputyId ?? '';
  const presetStationId = query.stationId ?? '';
  let choices: ChoiceItem[] = [];
  let photoUrl = '';
  const editor = createDirectoryFormEditor({
    initial: emptyDeputyForm(),
    validate: validateDeputy,
    render,
    action: 'admin.saveDeputy',
    codeTaken: 'ADMIN.DEPUTY_CODE_TAKEN',
    async send(form) {
      const { deputy } = await callApi('admin.saveDeputy', {
        ...(deputyId ? { deputyId } : {}),
        ...savedText(form, ['name', 'constituency', 'occupation', 'profile']),
        // validateDeputy has already refused a form without a level.
        level: form.level as DeputyLevel,
        photoUrl,
        stationIds: form.stationIds,
        active: form.active,
      });
      const created = !deputyId;
      deputyId = deputy._id;
      editor.replace(formOf(deputy));
      render({ deputyId, form: editor.form, saved: created ? DEPUTY_MESSAGES.created : DEPUTY_MESSAGES.saved });
    },
  });

  function renderStations(others: readonly StationSummary[] = []): void {
    const { stationIds } = editor.form;
    const covered = new Set(choices.map((station) => station.id));
    const names = others.filter((station) => stationIds.includes(station._id) && !covered.has(station._id)).map((s) => s.name);
    render({ stations: stationChoices(choices, stationIds), otherStations: names.join('、') });
  }

  function load(): Promise<void> {
    return loadInStaffScope(render, 'deputy edit', async (scope) => {
      const [{ stations }, detail] = await Promise.all([
        callApi('directory.listStations', { areaId: scope.areaId }),
        deputyId ? callApi('directory.getDeputy', { deputyId }) : Promise.resolve(null),
      ]);
      const inScope = scope.stationId ? stations.filter((station) => station._id === scope.stationId) : stations;
      choices = inScope.map((station) => ({ id: station._id, label: station.name }));
      editor.replace(detail ? formOf(detail.deputy) : emptyDeputyForm(presetStationId));
      photoUrl = detail ? detail.deputy.photoUrl : '';
      render({ status: 'ready', deputyId, form: editor.form });
      renderStations(detail?.stations);
    });
  }

  return {
    load,
    setText(field: TextField, value: string): void {
      editor.set(field, value);
      editor.revalidate();
    },
    chooseLevel(level: string): void {
      if (!(DEPUTY_LEVELS as readonly string[]).includes(level)) return;
      editor.set('level', level as DeputyLevel);
      editor.revalidate();
    },
    toggleStation(stationId: string): void {
      editor.set('stationIds', toggleStation(editor.form.stationIds, stationId));
      renderStations();
      editor.revalidate();
    },
    setActive(active: boolean): void {
      editor.set('active', active);
    },
    save: editor.save,
  };
}
