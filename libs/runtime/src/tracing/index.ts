export { tracingHandlerInterceptor } from './tracing-handler.interceptor';
export { EVENTLINE_TRACER, tracingPublishInterceptor } from './tracing-publish.interceptor';
export { CE_TRACEPARENT_HEADER, KAFKA_SYSTEM, MessagingAttribute } from './messaging-attributes';
