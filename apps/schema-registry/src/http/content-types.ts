/** Confluent's media types; requests may use any of ACCEPTED, responses always use RESPONSE. */
export const ContentType = {
  V1: 'application/vnd.schemaregistry.v1+json',
  Generic: 'application/vnd.schemaregistry+json',
  Json: 'application/json',
} as const;
export type ContentType = (typeof ContentType)[keyof typeof ContentType];

export const RESPONSE_CONTENT_TYPE = ContentType.V1;
export const ACCEPTED_REQUEST_TYPES: ReadonlySet<string> = new Set(Object.values(ContentType));
