/**
 * Import first in tests that point the real @cloudbase/node-sdk at a server of their own: sets
 * what a real function host sets (the runtime's own list), so the SDK skips its cloud-metadata
 * lookups. The test sets TCB_CONTEXT_CNFG or serviceUrl once its port is known.
 */
import { sdkEnvironment } from '../../runtime/functions/sdkEnvironment';

const { TCB_CONTEXT_CNFG: _unknownYet, ...hostEnvironment } = sdkEnvironment('http://127.0.0.1/admin', 'local-test');
Object.assign(process.env, hostEnvironment);
