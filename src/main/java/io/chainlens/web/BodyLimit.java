package io.chainlens.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a request body larger than {@code chainlens.http.max-body} with HTTP 413, for
 * every path and before the login is checked. Tomcat's own limits cover form posts and
 * discarded bodies, not a JSON body that the app reads: without this, a few 200 MB
 * GraphQL requests fill the heap of the process that runs the database.
 *
 * <p>
 * A declared {@code Content-Length} is compared at once; a body of unknown length
 * (chunked) is read here up to one byte beyond the limit and handed on from memory, which
 * is no more than the JSON reader would hold anyway. Form posts are left to Tomcat, whose
 * {@code server.tomcat.max-http-form-post-size} follows this limit.
 */
final class BodyLimit extends OncePerRequestFilter {

	private final DataSize max;

	BodyLimit(DataSize max) {
		this.max = max;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		if (declared > max.toBytes()) {
			refuse(response);
			return;
		}
		if (declared < 0 && !isForm(request)) {
			byte[] body = request.getInputStream().readNBytes((int) max.toBytes() + 1);
			if (body.length > max.toBytes()) {
				refuse(response);
				return;
			}
			// an empty body (a GET) is at its end in the request as well
			chain.doFilter(body.length == 0 ? request : new Read(request, body), response);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean isForm(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.regionMatches(true, 0, MediaType.APPLICATION_FORM_URLENCODED_VALUE, 0,
				MediaType.APPLICATION_FORM_URLENCODED_VALUE.length());
	}

	private void refuse(HttpServletResponse response) throws IOException {
		response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
		// the rest of the body is not read: the connection cannot carry another request
		response.setHeader("Connection", "close");
		response.setContentType(MediaType.TEXT_PLAIN_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8);
		response.getWriter()
			.write("The request body is larger than " + readable(max)
					+ ", the limit (chainlens.http.max-body); send a smaller request\n");
	}

	/** As the limit is usually written: 1MB rather than 1048576B. */
	static String readable(DataSize size) {
		long bytes = size.toBytes();
		if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
			return size.toMegabytes() + "MB";
		}
		return bytes % DataSize.ofKilobytes(1).toBytes() == 0 ? size.toKilobytes() + "KB" : bytes + "B";
	}

	/** A request whose body was read into memory. */
	private static final class Read extends HttpServletRequestWrapper {

		private final byte[] body;

		Read(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("The body was read already");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

	}

}
