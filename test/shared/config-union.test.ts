import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../shared/config.js';

const required = { PUBLIC_URL: 'http://localhost:3000', LINK_SECRET: 'x'.repeat(32) };

describe('the union that signs the mail, set once in configuration', () => {
  it('is the Đắk Lắk union by default, in both languages, with its address', () => {
    expect(parseConfig(required).union).toEqual({
      name: { vi: 'Liên hiệp các tổ chức hữu nghị tỉnh Đắk Lắk', en: 'Đắk Lắk Union of Friendship Organisations' },
      address: 'Buôn Ma Thuột, Đắk Lắk',
    });
  });

  it('takes the name and address from the environment, and refuses one too short to sign with', () => {
    const union = parseConfig({ ...required, UNION_NAME: 'Liên hiệp hữu nghị', UNION_NAME_EN: 'Friendship Union', UNION_ADDRESS: '02 Lê Duẩn, Buôn Ma Thuột' }).union;
    expect(union).toEqual({ name: { vi: 'Liên hiệp hữu nghị', en: 'Friendship Union' }, address: '02 Lê Duẩn, Buôn Ma Thuột' });
    expect(() => parseConfig({ ...required, UNION_NAME: 'x' })).toThrow(ConfigError);
  });
});
