import DeviceDetector from 'device-detector-js'
import browsers from 'device-detector-js/dist/parsers/client/fixtures/available-browsers.json'
import operatingSystems from 'device-detector-js/dist/parsers/operating-system/fixtures/operating-system.json'

/** The device fields of Appwrite's Session and Log models. */
export interface DeviceInfo {
  osCode: string
  osName: string
  osVersion: string
  clientType: string
  clientCode: string
  clientName: string
  clientVersion: string
  clientEngine: string
  clientEngineVersion: string
  deviceName: string
  deviceBrand: string
  deviceModel: string
}

const invert = (map: Record<string, string>) => Object.fromEntries(Object.entries(map).map(([code, name]) => [name, code]))
const browserCodes = invert(browsers as Record<string, string>)
const osCodes = invert((operatingSystems as { operatingSystem: Record<string, string> }).operatingSystem)

let detector: DeviceDetector | undefined

/**
 * Parses a User-Agent as Appwrite does (Matomo device-detector): names plus Matomo's short codes.
 */
export const parseUserAgent = (userAgent: string): DeviceInfo => {
  detector ??= new DeviceDetector()
  const { client, os, device } = detector.parse(userAgent)
  const clientName = client?.name ?? ''
  return {
    osCode: osCodes[os?.name ?? ''] ?? '',
    osName: os?.name ?? '',
    osVersion: os?.version ?? '',
    clientType: client?.type ?? '',
    clientCode: browserCodes[clientName] ?? '',
    clientName,
    clientVersion: client?.version ?? '',
    clientEngine: client && 'engine' in client ? client.engine : '',
    clientEngineVersion: client && 'engineVersion' in client ? client.engineVersion : '',
    deviceName: device?.type ?? '',
    deviceBrand: device?.brand ?? '',
    deviceModel: device?.model ?? '',
  }
}
