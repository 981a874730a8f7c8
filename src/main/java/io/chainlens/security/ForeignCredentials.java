package io.chainlens.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses an {@code Authorization} header of a scheme the login mode does not take (a
 * bearer token or a Digest login in {@code users} mode, a Basic login in {@code jwt}
 * mode) with HTTP 401. Spring Security's filters pass such a header over and serve the
 * request as anonymous, so a caller who meant to log in would read as nobody, and a write
 * would fail later with a less clear message.
 */
final class ForeignCredentials extends OncePerRequestFilter {

	private final String scheme;

	private final String challenge;

	/**
	 * @param scheme the scheme this server takes, e.g. {@code Basic}
	 * @param challenge the {@code WWW-Authenticate} header of a refusal
	 */
	ForeignCredentials(String scheme, String challenge) {
		this.scheme = scheme;
		this.challenge = challenge;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || takes(header)) {
			chain.doFilter(request, response);
			return;
		}
		String given = header.strip().split("\\s+", 2)[0];
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
		response.setContentType(MediaType.TEXT_PLAIN_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8);
		// the scheme's name only, never the credential; cut short in case it is one
		String shown = given.length() > 20 ? given.substring(0, 20) + "…" : given;
		response.getWriter()
			.write("This server takes " + scheme + " logins (Authorization: " + scheme + " …), not '" + shown
					+ "'; send a " + scheme + " login or no Authorization header (see docs/security.md)\n");
	}

	private boolean takes(String header) {
		String value = header.strip();
		return value.length() > scheme.length() && value.regionMatches(true, 0, scheme, 0, scheme.length())
				&& Character.isWhitespace(value.charAt(scheme.length()))
				|| value.toLowerCase(Locale.ROOT).equals(scheme.toLowerCase(Locale.ROOT));
	}

}
