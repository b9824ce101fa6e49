/** Bounds of what an admin may set on a webhook, shared by creation and update. */
export const WEBHOOK_LIMITS = {
  urlMaxLength: 2048,
  descriptionMaxLength: 500,
} as const;
