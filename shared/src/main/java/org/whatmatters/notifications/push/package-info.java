/**
 * Web Push without a library: the payload encrypted to a browser's subscription (RFC 8291, aes128gcm of
 * RFC 8188) and opened again as a browser would, VAPID signing and checking (RFC 8292), and the request a
 * push service expects (RFC 8030).
 *
 * <p>May depend on: json.
 */
package org.whatmatters.notifications.push;
