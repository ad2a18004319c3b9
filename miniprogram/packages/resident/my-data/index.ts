import { definePage } from '../../../factory/define-page';
import { HOME_URL } from '../../../routes';
import { EXPORT_LINK_SECONDS } from '../../../shared/domain/privacy';
import { reLaunch, showToast } from '../../../services/wx';
import { createMyData, initialMyDataState } from './model';

definePage({
  name: 'my-data',
  privacy: 'onDemand',
  data: initialMyDataState,
  model: (page) => createMyData(page.render),
  events: {
    onExport: (data) => data.exportData(),
    onCopyLink: async (data, _event, page) => {
      const copied = await data.copyLink(page.data().downloadUrl);
      showToast(copied ? `下载链接已复制，${EXPORT_LINK_SECONDS / 60}分钟内有效` : '复制失败，请重试');
    },
    onDelete: (data) => data.deleteAccount(),
    onHome: () => reLaunch(HOME_URL).catch(() => showToast('请从首页重新进入')),
  },
});
