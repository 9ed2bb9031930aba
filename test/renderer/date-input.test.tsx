// The one date input: Dutch short forms are written out as dd-mm-jjjj when the field is left
// (a left-out year is this year from the one clock), and the calendar works with the keyboard.
import { afterEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useState } from 'react';
import { DateInput } from '../../renderer/components/DateInput.js';
import { setNow } from '../../renderer/clock.js';

afterEach(() => setNow(null));

function Harness(props: { initial?: string }) {
  const [v, setV] = useState(props.initial ?? '');
  return (
    <>
      <DateInput id="d" label="Startdatum" value={v} onChange={setV} />
      <output data-testid="value">{v}</output>
    </>
  );
}

describe('date input', () => {
  it.each([
    ['15-12', '15-12-2026'],
    ['1512', '15-12-2026'],
    ['15122026', '15-12-2026'],
    ['15-12-26', '15-12-2026'],
    ['30062026', '30-06-2026'],
    ['3006', '30-06-2026'],
  ])('writes %s out as %s when the field is left', async (typed, shown) => {
    setNow(() => Date.parse('2026-03-01T12:00:00Z'));
    render(<Harness />);
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByLabelText('Startdatum'), typed);
    await user.tab();
    expect(screen.getByLabelText('Startdatum')).toHaveValue(shown);
  });

  it('leaves a wrong date as typed for the form to refuse', async () => {
    render(<Harness />);
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByLabelText('Startdatum'), '31-02');
    await user.tab();
    expect(screen.getByLabelText('Startdatum')).toHaveValue('31-02');
  });

  it('picks a day from the calendar with the arrow keys, Page Down and Enter', async () => {
    setNow(() => Date.parse('2026-03-01T12:00:00Z'));
    render(<Harness initial="10-03-2026" />);
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: 'Kalender openen' }));
    const day = screen.getByRole('button', { name: '10-03-2026' });
    expect(day).toHaveFocus();
    await user.keyboard('{ArrowRight}{ArrowDown}{PageDown}');
    expect(screen.getByRole('button', { name: '18-04-2026' })).toHaveFocus();
    expect(screen.getByRole('grid', { name: 'april 2026' })).toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('value')).toHaveTextContent('18-04-2026');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Kalender openen' })).toHaveFocus();
  });

  it('closes the calendar with Escape without changing the date', async () => {
    render(<Harness initial="10-03-2026" />);
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: 'Kalender openen' }));
    await user.keyboard('{ArrowRight}{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByTestId('value')).toHaveTextContent('10-03-2026');
  });
});
