export { tracingHandlerInterceptor } from './tracing-handler.interceptor';
export { tracingPublishInterceptor } from './tracing-publish.interceptor';
export { activeTracer, EVENTLINE_TRACER } from './active-tracer';
export { CE_TRACEPARENT_HEADER, KAFKA_SYSTEM, MessagingAttribute, TRACESTATE_HEADER } from './messaging-attributes';
export { recordHeaderGetter, stringHeaderSetter } from './record-header-carrier';
export { failSpan } from './settle';
