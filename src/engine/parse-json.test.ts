import { expect, it } from 'vitest'
import { parseJson } from './read-params.js'

it('keeps integers past 2^53 exact, and lets the last of duplicate keys win as PHP does', () => {
  expect(parseJson('{"big": 9007199254740993, "small": 12, "f": 1.5}')).toEqual({ big: 9007199254740993n, small: 12, f: 1.5 })
  expect(parseJson('{"a": 1, "a": 2}')).toEqual({ a: 2 })
  expect(() => parseJson('{"a": ')).toThrow()
})
