// Permission requests and checks are denied by default, from any page, including our own.
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALLOWED_PERMISSIONS, devicePermissionGranted, permissionGranted } from '../../electron/main/permissions';

const index = '/opt/Chamber/dist/renderer/index.html';
const ours = `${pathToFileURL(index).href}#/`;
const permissions = [
  'clipboard-read', 'clipboard-sanitized-write', 'display-capture', 'fullscreen', 'geolocation', 'idle-detection', 'media',
  'mediaKeySystem', 'midi', 'midiSysex', 'notifications', 'pointerLock', 'keyboardLock', 'openExternal', 'speaker-selection',
  'storage-access', 'top-level-storage-access', 'window-management', 'unknown', 'fileSystem', 'hid', 'serial', 'usb',
  'deprecated-sync-clipboard-read', 'bluetooth', 'something-new',
];

describe('permissions', () => {
  it('grants nothing: every request and check is denied, from our own page or any other', () => {
    expect(ALLOWED_PERMISSIONS.size).toBe(0);
    for (const permission of permissions) {
      for (const url of [ours, 'https://evil.example/', 'file:///etc/passwd', '', undefined]) {
        expect(permissionGranted(permission, url, index)).toBe(false);
      }
    }
  });

  it('lets no page use a USB, serial, HID or Bluetooth device', () => {
    for (const deviceType of ['hid', 'serial', 'usb', 'bluetooth']) {
      expect(devicePermissionGranted({ deviceType, origin: 'file://' })).toBe(false);
      expect(devicePermissionGranted({ deviceType, origin: 'https://evil.example' })).toBe(false);
    }
  });
});
