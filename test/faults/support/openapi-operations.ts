/** The parts of an OpenAPI 3 document the fuzzer reads. */
export interface OpenApiDocument {
  readonly paths: Record<string, Record<string, OpenApiOperation>>;
  readonly components: { readonly schemas: Record<string, Schema> };
}

interface OpenApiOperation {
  readonly parameters?: readonly { readonly in: string; readonly name: string; readonly schema?: Schema }[];
  readonly requestBody?: { readonly content: Record<string, { readonly schema: Schema }> };
  readonly security?: readonly unknown[];
}

export type Schema = {
  readonly $ref?: string;
  readonly type?: string;
  readonly enum?: readonly unknown[];
  readonly example?: unknown;
  readonly properties?: Record<string, Schema>;
  readonly items?: Schema;
  readonly oneOf?: readonly Schema[];
  readonly allOf?: readonly Schema[];
  readonly anyOf?: readonly Schema[];
};

export interface Parameter {
  readonly in: 'path' | 'query' | 'header';
  readonly name: string;
  readonly schema: Schema;
}

export interface Operation {
  readonly method: string;
  /** OpenAPI form: /v1/daos/{id}/proposals/{pid}/votes */
  readonly path: string;
  readonly parameters: readonly Parameter[];
  readonly body: Schema | null;
  readonly admin: boolean;
}

/** Every operation the API documents: the list the fuzzer and the access table are built from. */
export const operationsOf = (doc: OpenApiDocument): Operation[] =>
  Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      parameters: (op.parameters ?? [])
        .filter((p) => p.in === 'path' || p.in === 'query' || p.in === 'header')
        .map((p) => ({ in: p.in as Parameter['in'], name: p.name, schema: p.schema ?? { type: 'string' } })),
      body: op.requestBody?.content['application/json']?.schema ?? null,
      admin: (op.security ?? []).length > 0,
    })),
  );

/** Follows `$ref`s into components. */
export const resolveSchema = (doc: OpenApiDocument, schema: Schema): Schema => {
  let current = schema;
  for (let hops = 0; current.$ref && hops < 10; hops++) {
    current = doc.components.schemas[current.$ref.replace('#/components/schemas/', '')] ?? {};
  }
  return current;
};
