import '@mantine/core/styles.css';
import './styles.css';
import './i18n';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App';
import { ThemeProvider } from './theme/ThemeProvider';
import { VocabularyGate } from './vocabulary/VocabularyGate';

const queryClient = new QueryClient({
  defaultOptions: { queries: { refetchOnWindowFocus: false }, mutations: { retry: false } },
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ThemeProvider>
      <QueryClientProvider client={queryClient}>
        <VocabularyGate>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </VocabularyGate>
      </QueryClientProvider>
    </ThemeProvider>
  </StrictMode>,
);
