// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './setup';
import i18n from '../../../src-renderer/i18n';
import { EnterpriseForm, usccWarning } from '../../../src-renderer/screens/EnterpriseForm';
import { splitNames } from '../../../src-renderer/stores/enterpriseForm';
import { useSession } from '../../../src-renderer/stores/session';
import { installBridge } from './bridge';

// Duplicate warnings while typing, before anything is saved; the override-with-reason path.

const t = (k: string, p?: Record<string, unknown>) => i18n.t(k, p ?? {});

describe('the USCC warning', () => {
  it('waits for 18 characters, then names the expected check character', () => {
    expect(usccWarning(t, '9135010')).toBeNull();
    expect(usccWarning(t, '91350100M000100Y43')).toBeNull();
    expect(usccWarning(t, ' 91350100-m000100y43 ')).toBeNull();
    expect(usccWarning(t, '91350100M000100Y44')).toBe(
      '信用代码校验位不对：末位是“4”，按 GB 32100 应为“3”。请核对证照。',
    );
    expect(usccWarning(t, '91350100M000100Y431')).toContain('19');
    expect(usccWarning(t, '9135010OM000100Y43')).toContain('不允许');
  });

  it('splits former names on Chinese and Latin separators', () => {
    expect(splitNames('甲公司、乙公司；丙公司, 丁公司\n')).toEqual(['甲公司', '乙公司', '丙公司', '丁公司']);
  });
});

describe('EnterpriseForm', () => {
  it('warns about the same USCC and similar names while typing, and saves with a reason', async () => {
    const b = installBridge();
    b.ok('enterprises.create', { uscc: '91350100M000100Y43', name: '福州星火科技有限公司' });
    await useSession.getState().load();
    const user = userEvent.setup();
    const onSaved = vi.fn();
    const { container } = render(<EnterpriseForm id={null} onClose={() => {}} onSaved={onSaved} />);

    await user.type(container.querySelector('[name="uscc"]')!, '91350100M000100Y43');
    expect((await screen.findByTestId('same-uscc')).textContent).toContain('福州星火科技有限公司');
    await user.type(container.querySelector('[name="name"]')!, '福州星火科技股份有限公司');
    const uscc = container.querySelector('[name="uscc"]') as HTMLInputElement;
    await user.clear(uscc);
    await user.type(uscc, '91350100M000100Y44');
    expect((await screen.findByTestId('uscc-problem')).textContent).toContain('应为“3”');
    expect((await screen.findByTestId('similar-names')).textContent).toContain('福州星火科技有限公司');
    expect(
      b.calls.some(
        (c) =>
          c.method === 'enterprises.create' &&
          c.input !== undefined &&
          (c.input as { name?: string }).name === '福州星火科技股份有限公司',
      ),
    ).toBe(false);

    // Saving the bad code is refused, next to the USCC field.
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() =>
      expect(container.querySelector('.field-error[data-field="uscc"]')?.textContent).toContain('校验位'),
    );
    // Keeping it needs a reason.
    await user.click(screen.getByLabelText('证照上的代码确实如此，仍按此保存'));
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() =>
      expect(container.querySelector('.field-error[data-field="usccOverrideReason"]')?.textContent).toBe(
        '保留此代码需填写原因',
      ),
    );
    await user.type(screen.getByLabelText(/保留原因/), '营业执照原件如此');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const saved = b.ok('enterprises.get', { id: onSaved.mock.calls[0]![0] as string });
    expect(saved).toMatchObject({
      uscc: '91350100M000100Y44',
      usccOverride: true,
      usccOverrideReason: '营业执照原件如此',
    });
  });
});
