/**
 * Only the person drives the card: a page script can dispatch events at our elements (and, on an open
 * shadow root, call `click()` on our buttons), but such events are not trusted. Handlers wrapped in
 * `trusted` ignore them.
 */
export function trusted<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted) handler(event);
  };
}
