// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import './setup';
import { App } from '../../../src-renderer/App';
import { installBridge } from './bridge';

// Lengths shown before save (issue 15): a limited text field counts its characters against the
// model's limit, says when it is over, and never cuts what was typed or pasted.

const field = (name: string) => document.querySelector(`[name="${name}"]`) as HTMLInputElement;
const counter = (name: string) => document.querySelector(`[data-counter="${name}"]`)?.textContent;

describe('field limits', () => {
  it("counts a demand's title and description against their limits, and keeps an over-long title whole", async () => {
    installBridge();
    window.location.hash = '#/demands/new';
    render(<App />);
    await screen.findByTestId('demand-form');
    await waitFor(() => expect(field('title')).toBeTruthy());
    expect(counter('title')).toBe('0/200');
    expect(counter('description')).toBe('0/4000');
    fireEvent.change(field('title'), { target: { value: '长'.repeat(205) } });
    expect(field('title').value).toHaveLength(205);
    expect(counter('title')).toBe('205/200');
    expect(screen.getByText('超出 5 字')).toBeTruthy();
    fireEvent.change(field('description'), { target: { value: '描述' } });
    expect(counter('description')).toBe('2/4000');
  });

  it("counts an enterprise's name", async () => {
    installBridge();
    window.location.hash = '#/enterprises/new';
    render(<App />);
    await screen.findByTestId('enterprise-form');
    await waitFor(() => expect(field('name')).toBeTruthy());
    fireEvent.change(field('name'), { target: { value: '福州星火' } });
    expect(counter('name')).toBe('4/200');
    expect(field('name').getAttribute('maxlength')).toBeNull();
  });
});
