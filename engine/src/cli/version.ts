// The qungui version, printed by --version and written into SARIF: engine/package.json's, the one place it is set.
import enginePackage from '../../package.json' with { type: 'json' };

export const VERSION: string = enginePackage.version;
