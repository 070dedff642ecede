import './index.css';
import './i18n';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { createQueryClient } from '@/api';
import { Toaster } from '@/components/ui/toast';
import { meQueryKey } from '@/features/auth';
import { router } from '@/routes/router';

const queryClient = createQueryClient(() => queryClient.setQueryData(meQueryKey, null));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
      <Toaster />
    </QueryClientProvider>
  </StrictMode>,
);
