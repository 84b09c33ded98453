export type { Binding } from '@inversifyjs/core';
export type { Override } from './container/BindingOverrides.js';
export { type BindingDependency, bindingDependencies } from './container/binding-dependencies.js';
export { type ContainerOptions, createContainer } from './container/createContainer.js';
export { describeService } from './container/describe-service.js';
export { type BoundService, HeraldContainer } from './container/HeraldContainer.js';
export {
  CaptiveDependencyError,
  CapturedResponseError,
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
  TeardownSwallowedError,
  TeardownTooLateError,
  YieldProviderError,
} from './errors.js';
export {
  declaredHeaders,
  declareHeaders,
  type HeaderDeclaration,
  SetsHeader,
} from './headers/declared-headers.js';
export type { FinalStatus } from './response/FinalStatus.js';
export {
  assertHeaderField,
  assertHeaderName,
  assertHeaderValue,
  assertStatus,
  isToken,
} from './response/field-validation.js';
export { Response } from './response/Response.js';
export { ResponseHeaders } from './response/ResponseHeaders.js';
export {
  appendDeleteCookie,
  appendSetCookie,
  type CookieOptions,
  type DeleteCookieOptions,
  serializeSetCookie,
} from './response/set-cookie.js';
export type { DeferOptions, Outcome, Teardown, TeardownTiming } from './scope/Outcome.js';
export { type Cleanup, RequestScope } from './scope/RequestScope.js';
export { withYield } from './scope/withYield.js';
export { isThenable } from './utils/is-thenable.js';
export { Thrown } from './utils/Thrown.js';
