export { Classification, type ClassifiedError } from './classified-error';
export { EventlineError } from './eventline.error';
export { classificationOf, isClassifiedError, isPoison, isRetriable } from './classification.reader';
