import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import '../../renderer/i18n/index.js';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});
