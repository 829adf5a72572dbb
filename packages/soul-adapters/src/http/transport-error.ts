import { sanitizeErrorMessage } from './classify-error.js';
import { SoulRequestError } from './soul-request-error.js';

const connectionCodes: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed while sending',
  UND_ERR_SOCKET: 'connection closed by the server',
  UND_ERR_CLOSED: 'client closed',
  UND_ERR_DESTROYED: 'client destroyed',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'response shorter than its content-length',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EADDRNOTAVAIL: 'address not available',
};

const timeoutCodes: Readonly<Record<string, string>> = {
  UND_ERR_CONNECT_TIMEOUT: 'connect timed out',
  UND_ERR_HEADERS_TIMEOUT: 'timed out waiting for response headers',
  UND_ERR_BODY_TIMEOUT: 'timed out reading the response body',
  ETIMEDOUT: 'connect timed out',
};

function errorCode(error: unknown): string | undefined {
  for (let node = error, depth = 0; node instanceof Error && depth < 4; depth++) {
    const code = (node as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    node = node.cause;
  }
  return undefined;
}

/** Classifies an error thrown by the HTTP client while sending or reading. */
export function toTransportError(error: unknown): SoulRequestError {
  if (error instanceof SoulRequestError) return error;
  const code = errorCode(error);
  if (code !== undefined && code in timeoutCodes) {
    return new SoulRequestError('timeout', `${timeoutCodes[code]} (${code})`, { cause: error });
  }
  if (code !== undefined && code in connectionCodes) {
    return new SoulRequestError('connection', `${connectionCodes[code]} (${code})`, {
      cause: error,
    });
  }
  if (code?.startsWith('HPE_')) {
    return new SoulRequestError('connection', `invalid HTTP response (${code})`, { cause: error });
  }
  if (code !== undefined) {
    const safeCode = sanitizeErrorMessage(code).slice(0, 40);
    return new SoulRequestError('connection', `connection failed (${safeCode})`, { cause: error });
  }
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new SoulRequestError('exception', sanitizeErrorMessage(text), { cause: error });
}
