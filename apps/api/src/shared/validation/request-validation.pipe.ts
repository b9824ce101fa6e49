import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { problem, ProblemException } from '../problem';
import { CHAIN_INTEGER_CONSTRAINT } from './validators';

interface FieldError {
  field: string;
  message: string;
}

/** A field error and the name of the constraint it broke (kept out of the answer). */
interface BrokenConstraint extends FieldError {
  readonly constraint: string;
}

const flatten = (errors: readonly ValidationError[], prefix = ''): BrokenConstraint[] =>
  errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    // The property name is the client's text (an unknown query key may be `*x?`): never build a RegExp of it.
    const named = `${error.property} `;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, text]) => {
      const message = text.replace(/^property \S+ /, 'is not allowed: ');
      return { constraint, field, message: message.startsWith(named) ? message.slice(named.length) : message };
    });
    return [...own, ...flatten(error.children ?? [], field)];
  });

/** PostgreSQL's JSONB cannot hold U+0000; refuse it at the edge instead of failing at the database. */
const nulCharacterFields = (value: unknown, path: string): FieldError[] => {
  if (typeof value === 'string')
    return value.includes('\u0000') ? [{ field: path || 'body', message: 'must not contain the NUL character' }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => nulCharacterFields(v, path ? `${path}.${i}` : String(i)));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => nulCharacterFields(v, path ? `${path}.${k}` : k));
  }
  return [];
};

/**
 * Validates bodies and queries against their DTO classes: unknown fields are refused (not silently
 * dropped), no implicit type conversion, and every problem is reported with its field path at once.
 */
@Injectable()
export class RequestValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const type = metadata.metatype;
    // Path parameters and single query values reach SQL as they are: a NUL would fail there as a 500.
    if (metadata.type !== 'custom' && typeof value === 'string' && value.includes('\u0000')) {
      const field = metadata.data ?? metadata.type;
      throw new ProblemException(
        problem(400, 'REQUEST.INVALID', `Invalid fields: ${field}`, { errors: [{ field, message: 'must not contain the NUL character' }] }),
      );
    }
    if (metadata.type === 'custom' || !type || [String, Number, Boolean, Array, Object].includes(type as never)) return value;
    if (metadata.type === 'body' && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      throw new ProblemException(problem(400, 'REQUEST.INVALID_BODY', 'The body must be a JSON object'));
    }
    const nul = nulCharacterFields(value, '');
    if (nul.length > 0) throw new ProblemException(problem(400, 'REQUEST.INVALID', 'The request has invalid fields', { errors: nul }));
    const instance = plainToInstance(type, value ?? {}) as object;
    const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
    if (errors.length > 0) {
      const broken = flatten(errors);
      const fields = broken.map(({ field, message }) => ({ field, message }));
      const named = [...new Set(fields.map((f) => f.field))].join(', ');
      // Well formed, but a number the chain cannot carry (an amount above uint256, a flow rate above int96).
      if (broken.every((b) => b.constraint === CHAIN_INTEGER_CONSTRAINT))
        throw new ProblemException(problem(422, 'REQUEST.OUT_OF_RANGE', `Out of range: ${named}`, { errors: fields }));
      throw new ProblemException(problem(400, 'REQUEST.INVALID', `Invalid fields: ${named}`, { errors: fields }));
    }
    return instance;
  }
}
