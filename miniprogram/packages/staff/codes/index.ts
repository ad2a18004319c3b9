import { definePage } from '../../../factory/define-page';
import type { TapEvent } from '../../../utils/events';
import type { SceneKind } from '../../../shared/domain/scene';
import { createStaffCodes, initialStaffCodesState } from './model';

definePage({
  name: 'staff-codes',
  privacy: 'onDemand',
  data: initialStaffCodesState,
  model: (page) => createStaffCodes(page.render),
  events: {
    onMode: (tools, event: TapEvent<{ mode: SceneKind }>) => tools.chooseMode(event.currentTarget.dataset.mode),
    onKeyword: (tools, event: WechatMiniprogram.CustomEvent<{ value: string }>) => tools.setKeyword(event.detail.value),
    onSearch: (tools, _event, page) => tools.search(page.data().keyword),
    onSelect: (tools, event: TapEvent<{ kind: SceneKind; id: string; name: string }>) => {
      const { kind, id, name } = event.currentTarget.dataset;
      tools.select({ kind, id, name });
    },
    onUnselect: (tools) => tools.unselect(),
    onIssueCode: (tools) => tools.issueBindingCode(),
    onCreateQr: (tools) => tools.createQrCode(),
    onPreviewQr: (tools) => tools.previewQr(),
    onSaveQr: (tools) => tools.saveQr(),
  },
});
