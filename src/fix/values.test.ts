import { describe, expect, it } from 'vitest';
import { fillTemplate } from './placeholders.js';
import { fixValues } from './values.js';

describe('fixValues', () => {
  it('holds only the values it was given: a name an ordinary object inherits is not a value', () => {
    const v = fixValues({ nodes: ['n1'], pods: ['shop/web-1'] }, { secret: 'regcred' });
    expect(v).toMatchObject({ node: 'n1', namespace: 'shop', pod: 'web-1', secret: 'regcred' });
    expect(v.constructor).toBeUndefined();
    expect(fillTemplate('{constructor} {valueOf} on {node}', v).text).toBe('<constructor> <valueOf> on n1');
  });

  it('keeps the order values were set in, and data wins over scope', () => {
    const v = fixValues({ nodes: ['n1'], pods: ['shop/web-1'], registry: 'reg.example.com:5000' }, { node: 'n2', image: 'reg.example.com:5000/app:1' });
    expect(Object.keys(v)).toEqual(['node', 'namespace', 'pod', 'image', 'repository', 'tag', 'registry', 'registryHost', 'port']);
    expect(v).toMatchObject({ node: 'n2', registryHost: 'reg.example.com', port: '5000', tag: '1' });
  });
});
