/** `Name: message` of what `fn` throws, so a test asserts the error class and its whole message. */
export function failure(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
  return 'nothing thrown';
}
