import { addCsrfHeader } from './csrf';
import { toApiError, toNetworkError } from './errors';
import { client } from './generated/client.gen';

client.setConfig({ baseUrl: '', credentials: 'include', throwOnError: true });

client.interceptors.request.use((request) => addCsrfHeader(request, document.cookie));

client.interceptors.error.use((error, response) =>
  response ? toApiError(response.status, error, response.headers) : toNetworkError(error),
);

export { client };
