// A screen whose code cannot be loaded leaves a message and a way out, not an empty window.
import { describe, expect, it, vi } from 'vitest';
import { lazy, Suspense } from 'react';
import { render, screen } from '@testing-library/react';
import { ScreenBoundary } from '../../renderer/components/ScreenBoundary.js';

describe('a screen that fails to load', () => {
  it('says so and offers to load again', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    // A chunk that the server no longer has (an update while the window was open).
    const Missing = lazy(() => Promise.reject(new Error('Failed to fetch dynamically imported module')));
    render(
      <ScreenBoundary>
        <Suspense fallback={<p>laden</p>}>
          <Missing />
        </Suspense>
      </ScreenBoundary>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('Dit scherm kon niet worden geladen.');
    expect(screen.getByRole('button', { name: 'Opnieuw laden' })).toBeInTheDocument();
    quiet.mockRestore();
  });
});
