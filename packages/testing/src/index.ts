export type { Override } from '@herald/core';
export { InvalidTestRequestError } from './errors.js';
export { chromiumTestArgs, findChromium } from './find-chromium.js';
export type { QueryValues, RequestOptions, TestRequest } from './RequestOptions.js';
export { TestClient, type TestClientOptions } from './TestClient.js';
export { TestResponse } from './TestResponse.js';
