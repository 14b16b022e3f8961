import { describe, expect, it } from 'vitest'
import { planCrop, rotatedSize } from './crop-plan.js'

describe('planCrop (utopia-php/image crop)', () => {
  it('follows the aspect ratio when one side is 0, and keeps the size when both are', () => {
    expect(planCrop(2000, 1500, 200, 0, 'center')).toMatchObject({ width: 200, height: 150, drawWidth: 200, drawHeight: 150, x: 0, y: 0 })
    expect(planCrop(2000, 1500, 0, 300, 'center')).toMatchObject({ width: 400, height: 300 })
    expect(planCrop(640, 480, 0, 0, 'center')).toMatchObject({ width: 640, height: 480, x: 0, y: 0 })
  })

  it('covers and cuts around the middle for center gravity', () => {
    expect(planCrop(2000, 1500, 200, 200, 'center')).toEqual({ width: 200, height: 200, drawWidth: 266.6666666666667, drawHeight: 200, x: -33, y: 0 })
  })

  it('cuts from the named edge for the other gravities', () => {
    expect(planCrop(2000, 1000, 100, 100, 'left')).toMatchObject({ drawWidth: 200, drawHeight: 100, x: 0, y: 0 })
    expect(planCrop(2000, 1000, 100, 100, 'right')).toMatchObject({ x: -100, y: 0 })
    expect(planCrop(1000, 2000, 100, 100, 'bottom')).toMatchObject({ drawWidth: 100, drawHeight: 200, x: 0, y: -100 })
    expect(planCrop(1000, 2000, 100, 100, 'top-left')).toMatchObject({ x: 0, y: 0 })
  })

  it('grows the canvas to hold a rotated image', () => {
    expect(rotatedSize(200, 100, 90)).toEqual({ width: 100, height: 200 })
    expect(rotatedSize(100, 100, 45)).toEqual({ width: 141, height: 141 })
    expect(rotatedSize(200, 100, 180)).toEqual({ width: 200, height: 100 })
  })
})
