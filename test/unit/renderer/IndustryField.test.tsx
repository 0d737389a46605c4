// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import './setup';
import { EnterpriseForm } from '../../../src-renderer/screens/EnterpriseForm';
import { useSession } from '../../../src-renderer/stores/session';
import { installBridge } from './bridge';

// The industry field picks from the GB/T 4754-2017 sections that ship with the app.

describe('the enterprise form’s industry', () => {
  it('offers the 20 sections A–T with their names', async () => {
    installBridge();
    await useSession.getState().load();
    const { container } = render(<EnterpriseForm id={null} onClose={() => {}} onSaved={() => {}} />);
    const input = container.querySelector('[name="industry"]')!;
    const list = container.querySelector(`datalist#${input.getAttribute('list')}`)!;
    const options = [...list.querySelectorAll('option')];
    expect(options.map((o) => o.value)).toEqual('ABCDEFGHIJKLMNOPQRST'.split(''));
    expect(options[2]!.textContent).toBe('制造业');
    expect(options[8]!.textContent).toBe('信息传输、软件和信息技术服务业');
  });
});
