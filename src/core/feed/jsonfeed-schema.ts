/**
 * JSON Schema (2020-12) for JSON Feed 1.1, written from https://jsonfeed.org/version/1.1.
 * Strict about the members the spec names; extensions (keys starting "_" and a letter)
 * are allowed anywhere the spec allows objects, as the spec says.
 */
const extensions = { '^_[A-Za-z]': {} };

const author = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    url: { type: 'string', format: 'uri' },
    avatar: { type: 'string', format: 'uri' },
  },
  patternProperties: extensions,
  additionalProperties: false,
  anyOf: [{ required: ['name'] }, { required: ['url'] }, { required: ['avatar'] }],
} as const;

const item = {
  type: 'object',
  required: ['id'],
  anyOf: [{ required: ['content_html'] }, { required: ['content_text'] }],
  properties: {
    id: { type: 'string' },
    url: { type: 'string', format: 'uri' },
    external_url: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    content_html: { type: 'string' },
    content_text: { type: 'string' },
    summary: { type: 'string' },
    image: { type: 'string', format: 'uri' },
    banner_image: { type: 'string', format: 'uri' },
    date_published: { type: 'string', format: 'date-time' },
    date_modified: { type: 'string', format: 'date-time' },
    authors: { type: 'array', items: { $ref: '#/$defs/author' } },
    /** Deprecated in 1.1, still valid. */
    author: { $ref: '#/$defs/author' },
    tags: { type: 'array', items: { type: 'string' } },
    language: { type: 'string' },
    attachments: {
      type: 'array',
      items: {
        type: 'object',
        required: ['url', 'mime_type'],
        properties: {
          url: { type: 'string', format: 'uri' },
          mime_type: { type: 'string' },
          title: { type: 'string' },
          size_in_bytes: { type: 'number' },
          duration_in_seconds: { type: 'number' },
        },
        patternProperties: extensions,
        additionalProperties: false,
      },
    },
  },
  patternProperties: extensions,
  additionalProperties: false,
} as const;

export const JSON_FEED_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'JSON Feed 1.1',
  type: 'object',
  required: ['version', 'title', 'items'],
  properties: {
    version: { const: 'https://jsonfeed.org/version/1.1' },
    title: { type: 'string' },
    home_page_url: { type: 'string', format: 'uri' },
    feed_url: { type: 'string', format: 'uri' },
    description: { type: 'string' },
    user_comment: { type: 'string' },
    next_url: { type: 'string', format: 'uri' },
    icon: { type: 'string', format: 'uri' },
    favicon: { type: 'string', format: 'uri' },
    authors: { type: 'array', items: { $ref: '#/$defs/author' } },
    author: { $ref: '#/$defs/author' },
    language: { type: 'string' },
    expired: { type: 'boolean' },
    hubs: {
      type: 'array',
      items: {
        type: 'object',
        required: ['type', 'url'],
        properties: { type: { type: 'string' }, url: { type: 'string', format: 'uri' } },
        patternProperties: extensions,
        additionalProperties: false,
      },
    },
    items: { type: 'array', items: { $ref: '#/$defs/item' } },
  },
  patternProperties: extensions,
  additionalProperties: false,
  $defs: { author, item },
} as const;
