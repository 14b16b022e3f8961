import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { AttributeRecord } from '../records.js'
import { applyOperator } from './apply.js'
import { operatorProblem } from './validate.js'

const attr = (type: string, extra: Partial<AttributeRecord> = {}): AttributeRecord =>
  ({ key: 'x', type, status: 'available', error: '', required: false, array: false, $createdAt: '', $updatedAt: '', ...extra }) as AttributeRecord
const NOW = new Date('2026-03-04T05:06:07.089Z')
const apply = (a: AttributeRecord, method: string, values: unknown[], current: unknown) => applyOperator(a, { method, values }, current, NOW)

describe('applyOperator', () => {
  it('numeric operators: NULL as 0, limits leave the value unchanged, integers round as MariaDB stores them', () => {
    const int = attr('integer')
    const float = attr('double')
    expect(apply(int, 'increment', [5], null)).toBe(5)
    expect(apply(int, 'increment', [5, 12], 10)).toBe(10)
    expect(apply(int, 'increment', [2, 12], 10)).toBe(12)
    expect(apply(int, 'decrement', [3, 0], 2)).toBe(2)
    expect(apply(int, 'multiply', [3, 100], 40)).toBe(40)
    expect(apply(int, 'divide', [2], 7)).toBe(4)
    expect(apply(float, 'divide', [2], 7)).toBe(3.5)
    expect(apply(int, 'modulo', [4], 10)).toBe(2)
    expect(apply(int, 'power', [3], 2)).toBe(8)
    expect(apply(float, 'power', [-1], 0)).toBe(0)
  })

  it('array, string, boolean and date operators', () => {
    const tags = attr('string', { array: true })
    expect(apply(tags, 'arrayAppend', ['c', 'd'], ['a'])).toEqual(['a', 'c', 'd'])
    expect(apply(tags, 'arrayPrepend', ['z'], null)).toEqual(['z'])
    expect(apply(tags, 'arrayInsert', [1, 'b'], ['a', 'c'])).toEqual(['a', 'b', 'c'])
    expect(apply(tags, 'arrayRemove', ['a'], ['a', 'b', 'a'])).toEqual(['b'])
    expect(apply(tags, 'arrayUnique', [], ['a', 'b', 'a'])).toEqual(['a', 'b'])
    expect(apply(tags, 'arrayIntersect', ['a', 'c'], ['a', 'b', 'c'])).toEqual(['a', 'c'])
    expect(apply(tags, 'arrayDiff', ['a'], ['a', 'b'])).toEqual(['b'])
    expect(apply(attr('integer', { array: true }), 'arrayFilter', ['greaterThan', 2], [1, 3, 5])).toEqual([3, 5])
    expect(apply(attr('string'), 'stringConcat', ['!'], null)).toBe('!')
    expect(apply(attr('string'), 'stringReplace', ['o', '0'], 'foo')).toBe('f00')
    expect(apply(attr('boolean'), 'toggle', [], null)).toBe(true)
    expect(apply(attr('datetime'), 'dateAddDays', [2], '2026-01-30T00:00:00.000+00:00')).toBe('2026-02-01T00:00:00.000+00:00')
    expect(apply(attr('datetime'), 'dateSubDays', [1], '2026-01-01T12:00:00.000+00:00')).toBe('2025-12-31T12:00:00.000+00:00')
    expect(apply(attr('datetime'), 'dateSetNow', [], null)).toBe('2026-03-04T05:06:07.089+00:00')
  })

  it('agrees with plain arithmetic for increments under a limit (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 100 }), fc.integer({ min: -1000, max: 1100 }), (x, by, max) => {
        const result = apply(attr('integer'), 'increment', [by, max], x)
        expect(result).toBe(x + by > max ? x : x + by)
      }),
    )
  })

  it('keeps arrayUnique idempotent and arrayDiff disjoint from its operand (property)', () => {
    const tags = attr('string', { array: true })
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd')), fc.array(fc.constantFrom('a', 'b')), (list, drop) => {
        const unique = apply(tags, 'arrayUnique', [], list) as string[]
        expect(apply(tags, 'arrayUnique', [], unique)).toEqual(unique)
        expect(new Set(unique)).toEqual(new Set(list))
        const diff = apply(tags, 'arrayDiff', drop, list) as string[]
        expect(diff.some((t) => (drop as string[]).includes(t))).toBe(false)
      }),
    )
  })
})

describe('operatorProblem', () => {
  it("explains refusals in Appwrite's words", () => {
    const problem = (a: AttributeRecord | undefined, method: string, values: unknown[], current: unknown = null) => operatorProblem(a, 'x', { method, values }, current)
    expect(problem(undefined, 'increment', [1])).toBe('Unknown attribute: "x"')
    expect(problem(attr('string'), 'increment', [1])).toBe("Cannot apply increment to non-numeric field 'x'")
    expect(problem(attr('bigint'), 'increment', [1])).toBe("Cannot apply increment to non-numeric field 'x'")
    expect(problem(attr('integer'), 'increment', ['1'])).toBe('Numeric operator value must be numeric, got string')
    expect(problem(attr('integer'), 'divide', [0])).toBe('Division by zero is not allowed')
    expect(problem(attr('integer'), 'modulo', [0])).toBe('Modulo by zero is not allowed')
    expect(problem(attr('integer'), 'increment', [1], 2147483647)).toBe("Attribute 'x': invalid type, value must be less than or equal to 2147483647")
    expect(problem(attr('integer'), 'increment', [1, 5], 2147483647)).toBeUndefined()
    expect(problem(attr('string'), 'arrayAppend', ['a'])).toBe("Cannot apply arrayAppend to non-array field 'x'")
    expect(problem(attr('string', { array: true }), 'arrayInsert', [3, 'a'], ['a'])).toBe('Insert index 3 is out of bounds for array of length 1')
    expect(problem(attr('string', { array: true }), 'arrayFilter', ['contains', 'a'])).toBe('Invalid array filter condition: contains')
    expect(problem(attr('string', { size: 4 }), 'stringConcat', ['abc'], 'ab')).toBe("Attribute 'x': invalid type, value must be no longer than 4 characters")
    expect(problem(attr('integer'), 'toggle', [])).toBe("Cannot apply toggle to non-boolean field 'x'")
    expect(problem(attr('string'), 'dateSetNow', [])).toBe("Invalid date format in field 'x'")
    expect(problem(attr('datetime'), 'dateAddDays', [1.5])).toBe('Date operator requires an integer number of days')
  })
})
