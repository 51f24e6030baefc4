/** Session access tokens start with this; API keys start with API_KEY_PREFIX. */
export const SESSION_TOKEN_PREFIX = 'cps_';
/** The httpOnly cookie that carries the session for the SPA. */
export const SESSION_COOKIE = 'comptoir_session';
