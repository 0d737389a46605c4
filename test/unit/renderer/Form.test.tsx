// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import './setup';
import '../../../src-renderer/i18n';
import { ApiError } from '../../../src-renderer/api';
import { Field, Form, TextInput } from '../../../src-renderer/components/form';
import { z } from 'zod';
import { MESSAGES } from '@shared/messages';
import { toErrorBody } from '../../../src-main/errorBody';

// One form-field component shows API errors next to the field they name, and nothing is lost.

// As the core sends it: English messages, and the keys the screen says them by.
const body = toErrorBody(
  z
    .object({ name: z.string().min(1, MESSAGES['field.empty'].en), to: z.literal('x') })
    .safeParse({ name: '', to: 'y' }).error,
);
const error = new ApiError(body.code, body.message, body.details);

function Subject(props: { error: ApiError | null; onSubmit?: () => void; onCancel?: () => void }) {
  return (
    <Form error={props.error} onSubmit={props.onSubmit ?? (() => {})} onCancel={props.onCancel} label="f">
      <Field name="name" label="姓名">
        <TextInput name="name" value="" onChange={() => {}} />
      </Field>
      <Field name="phone" label="电话">
        <TextInput name="phone" value="" onChange={() => {}} />
      </Field>
    </Form>
  );
}

describe('Form and Field', () => {
  it('shows each error next to its field, in Chinese, and the rest in the summary', () => {
    const { container } = render(<Subject error={error} />);
    const nameError = container.querySelector('.field-error[data-field="name"]');
    expect(nameError?.textContent).toBe('不能为空');
    expect(container.querySelector('.field-error[data-field="phone"]')).toBeNull();
    const input = screen.getByLabelText('姓名');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(nameError?.id);
    const summary = screen.getByTestId('form-errors');
    expect(summary.textContent).toContain('请查看标红的 1 处');
    expect(summary.textContent).toContain('请选择有效的选项');
  });

  it('shows the whole message when no field is named (never swallowed, never a stack)', () => {
    render(<Subject error={new ApiError('INTERNAL', 'database is locked')} />);
    expect(screen.getByTestId('form-errors').textContent).toContain('database is locked');
  });

  it('saves on Ctrl+Enter and Ctrl+S, closes on Esc', () => {
    const onSubmit = vi.fn();
    const onCancel = vi.fn();
    render(<Subject error={null} onSubmit={onSubmit} onCancel={onCancel} />);
    const input = screen.getByLabelText('电话');
    fireEvent.keyDown(input, { key: 'Enter', ctrlKey: true });
    fireEvent.keyDown(input, { key: 's', ctrlKey: true });
    expect(onSubmit).toHaveBeenCalledTimes(2);
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(onCancel).toHaveBeenCalledTimes(1);
  });
});
