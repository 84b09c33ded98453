export { createLogger, type LoggerOptions } from './createLogger.js';
export { LoggerConfigurationError } from './errors.js';
export { RequestId } from './RequestId.js';
export { RequestLogger } from './RequestLogger.js';
export { defaultRedactPaths } from './redact-paths.js';
export { requestLogging } from './requestLogging.js';
