import { CONFIG, backendFor } from './config';
import { useBackend } from './services/api';
import { envVersion, initCloud } from './services/wx';
import { syncFontScale } from './stores/font-scale';

App({
  onLaunch() {
    const backend = backendFor(CONFIG, envVersion());
    if (backend === 'cloud') initCloud(CONFIG.cloudEnv);
    useBackend(backend);
    // The size saved on this phone is already showing; syncing with the account can wait for a better network.
    syncFontScale().catch((error: unknown) => console.warn('[app] font size not synced with the account', error));
  },
});
