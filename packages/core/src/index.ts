export { type ContainerOptions, createContainer } from './container/createContainer.js';
export { describeService } from './container/describe-service.js';
export { type BoundService, HeraldContainer } from './container/HeraldContainer.js';
export {
  CaptiveDependencyError,
  CleanupError,
  FramingHeaderError,
  HeraldError,
  InvalidCookieError,
  InvalidHeaderNameError,
  InvalidHeaderValueError,
  InvalidStatusError,
  ModuleLoadError,
  OutsideRequestScopeError,
  ResponseAlreadySentError,
  ScopeClosedError,
  ScopedValueMissingError,
} from './errors.js';
export {
  assertHeaderField,
  assertHeaderName,
  assertHeaderValue,
  assertStatus,
  isToken,
} from './response/field-validation.js';
export { Response } from './response/Response.js';
export { ResponseHeaders } from './response/ResponseHeaders.js';
export { type CookieOptions, type DeleteCookieOptions, serializeSetCookie } from './response/set-cookie.js';
export { type Cleanup, RequestScope } from './scope/RequestScope.js';
