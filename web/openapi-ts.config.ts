import { defineConfig } from '@hey-api/openapi-ts';

/**
 * FastAPI's default operationId is `<route name>_<path with non-word chars as _>_<method>`
 * (e.g. `list_members_api_v1_members_get`); keeping only the route name gives the SDK
 * `listMembers()` instead of `listMembersApiV1MembersGet()`. Ids set by hand are left alone.
 */
function stripFastApiOperationSuffix(method: string, path: string, operation: { operationId?: string }) {
  const suffix = `${path.replace(/\W/g, '_')}_${method.toLowerCase()}`;
  if (operation.operationId?.endsWith(suffix) && operation.operationId.length > suffix.length) {
    operation.operationId = operation.operationId.slice(0, -suffix.length);
  }
}

export default defineConfig({
  input: './openapi.json',
  output: { path: './src/api/generated' },
  parser: { patch: { operations: stripFastApiOperationSuffix } },
  plugins: [
    { name: '@hey-api/client-fetch', throwOnError: true },
    '@hey-api/typescript',
    '@hey-api/sdk',
  ],
});
