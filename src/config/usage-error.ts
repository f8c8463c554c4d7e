/** A problem with how the run was asked for: exit code 2 with this message. */
export class UsageError extends Error {
  override name = 'UsageError';
}
