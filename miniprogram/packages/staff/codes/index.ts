import { fontScaleBehavior } from '../../../behaviors/font-scale';
import type { TapEvent } from '../../../utils/events';
import type { SceneKind } from '../../../shared/domain/scene';
import { createStaffCodes, initialStaffCodesState, type StaffCodesState } from './model';

const tools = new WeakMap<object, ReturnType<typeof createStaffCodes>>();

Component({
  behaviors: [fontScaleBehavior],
  data: initialStaffCodesState(),
  methods: {
    onLoad() {
      tools.set(
        this,
        createStaffCodes((change: Partial<StaffCodesState>) => this.setData(change)),
      );
    },
    onMode(event: TapEvent<{ mode: SceneKind }>) {
      return tools.get(this)?.chooseMode(event.currentTarget.dataset.mode);
    },
    onKeyword(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      tools.get(this)?.setKeyword(event.detail.value);
    },
    onSearch() {
      return tools.get(this)?.search(this.data.keyword);
    },
    onSelect(event: TapEvent<{ kind: SceneKind; id: string; name: string }>) {
      const { kind, id, name } = event.currentTarget.dataset;
      tools.get(this)?.select({ kind, id, name });
    },
    onUnselect() {
      tools.get(this)?.unselect();
    },
    onIssueCode() {
      return tools.get(this)?.issueBindingCode();
    },
    onCreateQr() {
      return tools.get(this)?.createQrCode();
    },
    onPreviewQr() {
      tools.get(this)?.previewQr();
    },
    onSaveQr() {
      return tools.get(this)?.saveQr();
    },
  },
});
