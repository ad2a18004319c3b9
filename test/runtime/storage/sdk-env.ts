/**
 * What a real function host sets, so node-sdk skips its cloud-metadata lookups; imported first.
 * The test points the SDK at its own server by setting TCB_CONTEXT_CNFG once the port is known.
 */
process.env.TENCENTCLOUD_RUNENV = 'SCF';
process.env.SCF_NAMESPACE = 'local-test'; // the env id node-sdk reads (TCB_ENV only counts when listed in TCB_CONTEXT_KEYS)
process.env.TCB_ENV = 'local-test';
process.env.TENCENTCLOUD_REGION = 'ap-shanghai';
process.env.TENCENTCLOUD_SECRETID = 'x';
process.env.TENCENTCLOUD_SECRETKEY = 'y';
export {};
