import './client';

export * from './generated/sdk.gen';
export type * from './generated/types.gen';
export { ApiError, isApiError, NETWORK_ERROR_CODE } from './errors';
export type { FieldErrors } from './errors';
export { createQueryClient } from './queryClient';
export { uploadForm, type UploadProgress } from './upload';
