import { NOTIFICATION_TYPES } from '@ayllu/notifications';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/** `"*"` or a non-empty list of distinct catalogue types. */
export const IsWebhookEvents = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isWebhookEvents',
      validator: {
        validate: (value: unknown) =>
          value === '*' ||
          (Array.isArray(value) &&
            value.length > 0 &&
            new Set(value).size === value.length &&
            value.every((v) => (NOTIFICATION_TYPES as readonly unknown[]).includes(v))),
        defaultMessage: () => `must be "*" or a non-empty list of distinct notification types (${NOTIFICATION_TYPES.join(', ')})`,
      },
    },
    options,
  );
