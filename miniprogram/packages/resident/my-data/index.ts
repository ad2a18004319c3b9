import { fontScaleBehavior } from '../../../behaviors/font-scale';
import { HOME_URL } from '../../../routes';
import { reLaunch, showToast } from '../../../services/wx';
import { createMyData, initialMyDataState, type MyDataState } from './model';

const models = new WeakMap<object, ReturnType<typeof createMyData>>();

Component({
  behaviors: [fontScaleBehavior],
  data: initialMyDataState(),
  methods: {
    onLoad() {
      models.set(
        this,
        createMyData((change: Partial<MyDataState>) => this.setData(change)),
      );
    },
    onExport() {
      return models.get(this)?.exportData();
    },
    async onCopyLink() {
      const copied = await models.get(this)?.copyLink((this.data as MyDataState).downloadUrl);
      showToast(copied ? '下载链接已复制，1小时内有效' : '复制失败，请重试');
    },
    onDelete() {
      return models.get(this)?.deleteAccount();
    },
    onHome() {
      return reLaunch(HOME_URL).catch(() => showToast('请从首页重新进入'));
    },
  },
});
