import type { DeputySummary, GeoPoint, Station } from '../../../shared/domain/directory';
import { DEPUTY_LEVEL_LABELS } from '../../../shared/domain/directory';
import { STATION_CODE_PATTERN } from '../../../shared/domain/scene';
import { callApi, toApiError } from '../../../services/api';
import { chooseLocation } from '../../../services/wx';
import type { LoadStatus } from '../../../utils/load-state';
import { areasInScope, compact, loadInStaffScope, optionalText, requiredText, savedText } from '../directory-form';
import { createDirectoryFormEditor } from '../directory-form-editor';

export const STATION_MESSAGES = {
  code: '编号为2–8位大写字母或数字，如 LJ01',
  phone: '电话只能包含数字和 - ( ) +',
  location: '请点「在地图上选择位置」选定联络站的位置',
  area: '请选择所属区域',
  locationFailed: '没能打开地图选点，请稍后再试',
  created: '联络站已新增，可以继续为它添加代表',
  saved: '已保存',
} as const;

export interface StationForm {
  code: string;
  name: string;
  areaId: string;
  address: string;
  location: GeoPoint | null;
  openingHours: string;
  phone: string;
  receptionNote: string;
  active: boolean;
}

export interface StationFormErrors {
  code?: string;
  name?: string;
  areaId?: string;
  address?: string;
  location?: string;
  openingHours?: string;
  phone?: string;
  receptionNote?: string;
}

export interface ChoiceItem {
  id: string;
  label: string;
}

export interface DeputyItem {
  id: string;
  name: string;
  levelLabel: string;
}

export interface StationEditState {
  status: LoadStatus;
  errorMessage: string;
  /** Empty while creating; set once the station exists. */
  stationId: string;
  form: StationForm;
  /** 纬度 30.59290，经度 114.30560, or '' before a place is chosen. */
  locationLabel: string;
  areas: ChoiceItem[];
  deputies: DeputyItem[];
  errors: StationFormErrors;
  saving: boolean;
  /** Why the last save did not go through, in plain words. */
  saveError: string;
  saved: string;
}

export function emptyStationForm(areaId = ''): StationForm {
  return { code: '', name: '', areaId, address: '', location: null, openingHours: '', phone: '', receptionNote: '', active: true };
}

export function initialStationEditState(): StationEditState {
  return {
    status: 'loading',
    errorMessage: '',
    stationId: '',
    form: emptyStationForm(),
    locationLabel: '',
    areas: [],
    deputies: [],
    errors: {},
    saving: false,
    saveError: '',
    saved: '',
  };
}

export function locationLabel(location: GeoPoint | null): string {
  return location ? `纬度 ${location.latitude.toFixed(5)}，经度 ${location.longitude.toFixed(5)}` : '';
}

export function formOf(station: Station): StationForm {
  const { code, name, areaId, address, location, openingHours, phone, receptionNote, active } = station;
  return { code, name, areaId, address, location: { latitude: location.latitude, longitude: location.longitude }, openingHours, phone, receptionNote, active };
}

/** The same rules as admin.saveStation's payload, said next to each field. */
export function validateStation(form: StationForm): StationFormErrors {
  return compact({
    code: STATION_CODE_PATTERN.test(form.code.trim().toUpperCase()) ? '' : STATION_MESSAGES.code,
    name: requiredText(form.name, 40),
    areaId: form.areaId ? '' : STATION_MESSAGES.area,
    address: requiredText(form.address, 120),
    location: form.location ? '' : STATION_MESSAGES.location,
    openingHours: optionalText(form.openingHours, 60),
    phone: /^[0-9+\-() ]{0,20}$/.test(form.phone.trim()) ? '' : STATION_MESSAGES.phone,
    receptionNote: optionalText(form.receptionNote, 120),
  });
}

export function deputyItem(deputy: DeputySummary): DeputyItem {
  return { id: deputy._id, name: deputy.name, levelLabel: DEPUTY_LEVEL_LABELS[deputy.level] };
}

export type TextField = 'code' | 'name' | 'address' | 'openingHours' | 'phone' | 'receptionNote';

/**
 * A station's form: create one (新增联络站) or edit the one its query names (`?stationId=`) in the
 * staff member's scope. The server decides scope and code uniqueness; its refusals are shown
 * beside the save button.
 */
export function createStationEdit(query: { stationId?: string }, render: (change: Partial<StationEditState>) => void) {
  let stationId = query.stationId ?? '';
  const editor = createDirectoryFormEditor({
    initial: emptyStationForm(),
    validate: validateStation,
    render,
    action: 'admin.saveStation',
    codeTaken: 'ADMIN.STATION_CODE_TAKEN',
    async send(form) {
      const { station } = await callApi('admin.saveStation', {
        ...(stationId ? { stationId } : {}),
        ...savedText(form, ['name', 'address', 'openingHours', 'phone', 'receptionNote']),
        areaId: form.areaId,
        // validateStation has already refused a form without a location.
        location: form.location as GeoPoint,
        active: form.active,
      });
      const created = !stationId;
      stationId = station._id;
      editor.replace(formOf(station));
      render({ stationId, form: editor.form, saved: created ? STATION_MESSAGES.created : STATION_MESSAGES.saved });
    },
  });

  function load(): Promise<void> {
    return loadInStaffScope(render, 'station edit', async (scope) => {
      const [{ areas }, detail] = await Promise.all([callApi('directory.listAreas', {}), stationId ? callApi('directory.getStation', { stationId }) : Promise.resolve(null)]);
      const choices = areasInScope(areas, scope);
      const form = detail ? formOf(detail.station) : emptyStationForm(scope.areaId);
      editor.replace(form);
      // A station placed outside the areas listed (e.g. by a higher office) keeps its area.
      if (detail && !choices.some((area) => area._id === form.areaId)) {
        const own = areas.find((area) => area._id === form.areaId);
        if (own) choices.unshift(own);
      }
      render({
        status: 'ready',
        stationId,
        form,
        locationLabel: locationLabel(form.location),
        areas: choices.map((area) => ({ id: area._id, label: area.name })),
        deputies: detail ? detail.deputies.map(deputyItem) : [],
      });
    });
  }

  return {
    load,
    /** Back from a deputy's form: the deputies here may have changed. */
    async refreshDeputies(): Promise<void> {
      if (!stationId) return;
      try {
        const detail = await callApi('directory.getStation', { stationId });
        render({ deputies: detail.deputies.map(deputyItem) });
      } catch (error) {
        console.warn('[station edit] deputies not refreshed', toApiError(error).code);
      }
    },
    setText(field: TextField, value: string): void {
      editor.set(field, value);
      editor.revalidate();
    },
    chooseArea(areaId: string): void {
      editor.set('areaId', areaId);
      editor.revalidate();
    },
    setActive(active: boolean): void {
      editor.set('active', active);
    },
    /** The map picker: its point becomes the station's location; its address fills an empty address. */
    async pickLocation(): Promise<void> {
      try {
        const place = await chooseLocation();
        if (!place) return;
        const { form } = editor;
        const address = form.address.trim() ? form.address : place.address;
        editor.replace({ ...form, location: { latitude: place.latitude, longitude: place.longitude }, address });
        render({ form: editor.form, locationLabel: locationLabel(editor.form.location), saved: '' });
        editor.revalidate();
      } catch (error) {
        console.warn('[station edit] chooseLocation failed', error);
        render({ errors: { ...editor.errors, location: STATION_MESSAGES.locationFailed } });
      }
    },
    save: editor.save,
  };
}
