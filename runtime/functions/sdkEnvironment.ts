/**
 * The environment a real CloudBase function host gives its processes, pointed at this
 * runtime. @cloudbase/node-sdk reads it unchanged: TCB_CONTEXT_CNFG sends every server call to
 * our /admin endpoint, the SCF variables stop it probing for a cloud metadata host, and the
 * credentials are dummies because the local server does not check signatures.
 */
export function sdkEnvironment(adminUrl: string, envId: string): Record<string, string> {
  return {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: adminUrl }),
    TENCENTCLOUD_RUNENV: 'SCF',
    SCF_NAMESPACE: envId,
    TCB_ENV: envId,
    TENCENTCLOUD_REGION: 'ap-shanghai',
    TENCENTCLOUD_SECRETID: 'local-secret-id',
    TENCENTCLOUD_SECRETKEY: 'local-secret-key',
    TENCENTCLOUD_SESSIONTOKEN: '',
  };
}

export function applySdkEnvironment(adminUrl: string, envId: string): void {
  Object.assign(process.env, sdkEnvironment(adminUrl, envId));
}
