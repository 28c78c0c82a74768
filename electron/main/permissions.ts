// What a page may ask Chromium for: nothing. Chamber's screens need no camera, microphone,
// notifications, location, clipboard reading, devices (USB, serial, HID, Bluetooth) or screen
// capture, so every permission request and check is refused, from any page, including our own.
// A permission the app comes to need is added to ALLOWED, for our own renderer only. Pure.
import { isOurRendererUrl } from './rendererOrigin';

/** Permissions our own renderer may have. Empty: everything is denied. */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set<string>();

/** Whether to grant a permission request (or answer a permission check) from a page at `requestingUrl`. */
export const permissionGranted = (permission: string, requestingUrl: string | undefined, indexFile: string): boolean =>
  ALLOWED_PERMISSIONS.has(permission) && isOurRendererUrl(requestingUrl, indexFile);

/** Whether a page may use a USB, serial, HID or Bluetooth device: never. */
export const devicePermissionGranted = (_details: { deviceType?: string; origin?: string }): boolean => false;
