// The part of jsonwebtoken's API this example uses, so that the editor type-checks examples/ without an
// `npm install` here. Declarations only: the example is never run by the extension or its tests.
declare module 'jsonwebtoken' {
  export interface JwtPayload {
    [claim: string]: unknown;
    sub?: string;
    exp?: number;
    iat?: number;
  }

  export interface SignOptions {
    subject?: string;
    expiresIn?: number | string;
    algorithm?: 'HS256' | 'HS384' | 'HS512' | 'RS256';
  }

  export interface VerifyOptions {
    algorithms?: string[];
  }

  export function sign(payload: object, secret: string, options?: SignOptions): string;
  export function verify(token: string, secret: string, options?: VerifyOptions): JwtPayload | string;

  const jwt: { sign: typeof sign; verify: typeof verify };
  export default jwt;
}
