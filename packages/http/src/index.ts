export { App, type CloseOptions, IncomingRequest, type ListenOptions } from './app/App.js';
export { type AppOptions, createApp } from './app/createApp.js';
export type { Plugin, PluginSetup } from './app/Plugin.js';
export type { ServerLimits } from './app/ServerLimits.js';
export type { DeclaredResponse, DeclaredResponses } from './description/DeclaredResponses.js';
export type { RouteDescription, RouteHeader, RouteParameter } from './description/RouteDescription.js';
export { describeRoutes, type RoutesListener } from './description/route-descriptions.js';
export type { StrictHeaders } from './description/strict-headers.js';
export {
  AppNotListeningError,
  BodyTooDeepError,
  BodyTooLargeError,
  ClientAbortedError,
  DependencyGraphError,
  HeaderSchemaError,
  HTTPException,
  InvalidServerLimitError,
  MalformedBodyError,
  MalformedUrlError,
  MethodNotAllowedError,
  NotFoundError,
  RequestValidationError,
  ResponseValidationError,
  RouteDefinitionError,
  UndeclaredHeaderError,
  UnsupportedContentEncodingError,
  UnsupportedMediaTypeError,
  type ValidationIssue,
} from './errors.js';
export { appendVary } from './middleware/append-vary.js';
export type { Middleware, Next, RequestContext } from './middleware/Middleware.js';
export { type OutgoingBody, OutgoingResponse } from './middleware/OutgoingResponse.js';
export { scopeFree } from './middleware/scope-free.js';
export { Body, Cookie, Header, Inject, Param, Query, Res } from './params/decorators.js';
export type {
  ParameterTypeMismatch,
  SchemaValue,
  TypedParameterDecorator,
  Unchecked,
} from './params/TypedParameterDecorator.js';
export { httpExceptionHandler, requestValidationExceptionHandler } from './pipeline/default-exception-handlers.js';
export type {
  ExceptionHandler,
  ExceptionHandlerMap,
  MismatchedExceptionHandlers,
} from './pipeline/ExceptionHandlers.js';
export { HttpResponse, type ResponseInit } from './responses/HttpResponse.js';
export { isBodyless } from './responses/is-bodyless.js';
export {
  ContentResponse,
  HTMLResponse,
  JSONResponse,
  PlainTextResponse,
  RedirectResponse,
  StreamingResponse,
} from './responses/response-classes.js';
export { Controller, Delete, Get, Head, Options, Patch, Post, Put } from './routing/decorators.js';
export type { HandlerResult, RouteDecorator } from './routing/RouteDecorator.js';
export type { HttpMethod, RouteOptions, Schema } from './routing/route-metadata.js';
