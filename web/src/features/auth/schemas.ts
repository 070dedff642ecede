import type { TFunction } from 'i18next';
import { z } from 'zod';

export const MIN_PASSWORD_LENGTH = 10;
const MAX_TEXT_LENGTH = 200;

function emailField(t: TFunction) {
  return z.string().trim().min(1, t('validation.required')).email(t('validation.email'));
}

function passwordField(t: TFunction) {
  return z
    .string()
    .min(MIN_PASSWORD_LENGTH, t('validation.passwordLength', { count: MIN_PASSWORD_LENGTH }))
    .max(MAX_TEXT_LENGTH, t('validation.tooLong', { max: MAX_TEXT_LENGTH }));
}

function requiredText(t: TFunction) {
  return z.string().trim().min(1, t('validation.required')).max(MAX_TEXT_LENGTH, t('validation.tooLong', { max: MAX_TEXT_LENGTH }));
}

export function loginSchema(t: TFunction) {
  return z.object({ email: emailField(t), password: z.string().min(1, t('validation.required')) });
}

export function signupSchema(t: TFunction) {
  return z.object({
    workspace_name: requiredText(t),
    name: requiredText(t),
    email: emailField(t),
    password: passwordField(t),
  });
}

export function acceptInvitationSchema(t: TFunction) {
  return z.object({ name: requiredText(t), password: passwordField(t) });
}
