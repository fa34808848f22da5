package com.kis.estimator.security;

/**
 * A request was refused: not signed in (401), not allowed (403) or too large (413). Published synchronously for
 * the audit log.
 *
 * @param user       who was refused, or null when the caller could not be authenticated
 * @param request    method and path, e.g. {@code POST /api/v1/estimates/7/approve}
 * @param permission what was missing: a permission code, or {@code authentication}
 * @param reason     the problem type's slug ({@code unauthorized}, {@code forbidden}, {@code mfa-required}, …)
 * @param clientIp   where the request came from (after the proxy's X-Forwarded-For)
 */
public record AccessDenied(String user, String request, String permission, String reason, String clientIp) {
}
