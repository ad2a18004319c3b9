import type { StationSummary } from '../../../shared/domain/directory';
import { callApi, toApiError } from '../../../services/api';
import type { LoadStatus } from '../../../utils/load-state';
import { DIRECTORY_MESSAGES, loadScope } from '../directory-form';

export interface StationItem {
  id: string;
  title: string;
  address: string;
}

export interface StaffDirectoryState {
  status: LoadStatus;
  errorMessage: string;
  stations: StationItem[];
  /** Station staff edit their own station; only area and city offices add stations. */
  canCreate: boolean;
}

export function initialStaffDirectoryState(): StaffDirectoryState {
  return { status: 'loading', errorMessage: '', stations: [], canCreate: false };
}

export function stationItem(station: StationSummary): StationItem {
  return { id: station._id, title: `${station.name}（${station.code}）`, address: station.address };
}

/** 联络站与代表: the stations in the staff member's scope, to open and edit, and 新增联络站. */
export function createStaffDirectory(render: (change: Partial<StaffDirectoryState>) => void) {
  async function showStations(): Promise<void> {
    try {
      const scope = await loadScope();
      if (!scope) {
        render({ status: 'error', errorMessage: DIRECTORY_MESSAGES.notStaff });
        return;
      }
      const { stations } = await callApi('directory.listStations', { areaId: scope.areaId });
      const mine = scope.stationId ? stations.filter((station) => station._id === scope.stationId) : stations;
      render({ status: 'ready', stations: mine.map(stationItem), canCreate: scope.role !== 'station' });
    } catch (error) {
      render({ status: 'error', errorMessage: toApiError(error, 'staff directory').message });
    }
  }

  return {
    /** Opening and 重试: the spinner, then the stations. */
    load(): Promise<void> {
      render({ status: 'loading' });
      return showStations();
    },
    /** Back from a form, quietly: names and stations may have changed. */
    refresh: showStations,
  };
}
