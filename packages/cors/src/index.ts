export type { CorsOptions } from './CorsOptions.js';
export { cors } from './cors.js';
export { CorsConfigurationError } from './errors.js';
