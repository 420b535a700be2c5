/**
 * The payscore version written into every run (`PayoutRun.version`). Kept equal to
 * `package.json`'s version (a test checks it).
 */
export const PAYSCORE_VERSION = "0.1.0";
