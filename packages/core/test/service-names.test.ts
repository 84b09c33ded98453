import { describe, expect, it } from 'vitest';
import { describeService } from '../src/index.js';

describe('service names in messages', () => {
  it('use the class name, the symbol description or the string token itself', () => {
    class Mailer {}
    expect(describeService(Mailer)).toBe('Mailer');
    expect(describeService(Symbol('Config'))).toBe('Config');
    expect(describeService('session')).toBe('session');
  });

  it('fall back to a readable form when there is no name', () => {
    expect(describeService(Symbol())).toBe('Symbol()');
    expect(describeService((() => class {})())).toBe('anonymous class');
  });
});
