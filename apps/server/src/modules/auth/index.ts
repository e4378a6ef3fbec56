export { createAuthService, csrfTokenFor, SESSION_COOKIE, CSRF_HEADER, type AuthService } from './auth.service';
export { authRoutes } from './auth.routes';
