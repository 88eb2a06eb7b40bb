/** DI token of the secret that signs access tokens (from JWT_SECRET, or generated per data folder in development). */
export const JWT_SECRET = Symbol('JWT_SECRET');
