/** A problem the person starting Emerge can fix; printed as one sentence, without a stack trace. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}
