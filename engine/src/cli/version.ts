/** The qungui version, printed by --version and written into SARIF. Keep in step with engine/package.json. */
export const VERSION = '0.1.0';
