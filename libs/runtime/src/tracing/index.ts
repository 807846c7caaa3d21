export { tracingHandlerInterceptor } from './tracing-handler.interceptor';
export { EVENTLINE_TRACER, tracingPublishInterceptor } from './tracing-publish.interceptor';
export { CE_TRACEPARENT_HEADER, KAFKA_SYSTEM, MessagingAttribute, TRACESTATE_HEADER } from './messaging-attributes';
export { recordHeaderGetter, stringHeaderSetter } from './record-header-carrier';
export { failSpan } from './settle';
