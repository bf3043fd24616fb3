import { describe, expect, it } from 'vitest';
import { ARKIT_BLENDSHAPE_NAMES, BLENDSHAPE_COUNT, Blendshape, blendshapeIndex, isBlendshapeName } from '../../../plugin/core/arkitBlendshapes';

describe('ARKit blendshape names', () => {
  it('are the 52 unique names in ARKit order', () => {
    expect(ARKIT_BLENDSHAPE_NAMES).toHaveLength(52);
    expect(BLENDSHAPE_COUNT).toBe(52);
    expect(new Set(ARKIT_BLENDSHAPE_NAMES).size).toBe(52);
    expect(ARKIT_BLENDSHAPE_NAMES[0]).toBe('eyeBlinkLeft');
    expect(ARKIT_BLENDSHAPE_NAMES[7]).toBe('eyeBlinkRight');
    expect(ARKIT_BLENDSHAPE_NAMES[17]).toBe('jawOpen');
    expect(ARKIT_BLENDSHAPE_NAMES[51]).toBe('tongueOut');
  });

  it('Blendshape maps every name to its index and nothing else', () => {
    expect(Object.keys(Blendshape)).toEqual([...ARKIT_BLENDSHAPE_NAMES]);
    ARKIT_BLENDSHAPE_NAMES.forEach((name, index) => expect(Blendshape[name]).toBe(index));
  });

  it('blendshapeIndex finds valid names', () => {
    expect(blendshapeIndex('jawOpen')).toBe(17);
    expect(blendshapeIndex('tongueOut')).toBe(51);
  });

  it('blendshapeIndex rejects a bad name with a hint at the closest one', () => {
    expect(() => blendshapeIndex('JawOpen')).toThrow(RangeError);
    expect(() => blendshapeIndex('JawOpen')).toThrow(/"JawOpen".*did you mean "jawOpen"/);
    expect(() => blendshapeIndex('mouthSmileLft')).toThrow(/did you mean "mouthSmileLeft"/);
  });

  it('does not take Object.prototype members for names', () => {
    expect(isBlendshapeName('constructor')).toBe(false);
    expect(isBlendshapeName('toString')).toBe(false);
    expect(() => blendshapeIndex('__proto__')).toThrow(RangeError);
    expect(isBlendshapeName('cheekPuff')).toBe(true);
  });
});
