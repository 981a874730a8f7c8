package io.chainlens.web;

import java.util.regex.Pattern;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.server.webmvc.GraphiQlHandler;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * GraphiQL served with its scripts from the app itself. Spring's stock page loads them
 * from a CDN, which many government networks cannot reach.
 *
 * <p>
 * The page sends its queries, and the headers the user types (an Authorization header
 * among them), to the endpoint named by {@code ?path=}. Only a plain path on this server
 * is taken: a browser drops tabs and line breaks from a URL, so {@code /<tab>/other.host}
 * would become {@code //other.host}, another site. The page compares origins after
 * parsing as well.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "spring.graphql.graphiql.enabled", havingValue = "true")
class GraphiQlConfiguration {

	private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[A-Za-z0-9._~/-]*");

	@Bean
	@Order(0)
	RouterFunction<ServerResponse> offlineGraphiQl() {
		GraphiQlHandler handler = new GraphiQlHandler("/graphql", "", new ClassPathResource("graphiql/offline.html"));
		return RouterFunctions.route().GET("/graphiql", request -> {
			String path = request.param("path").orElse(null);
			if (path != null && !isLocalPath(path)) {
				return ServerResponse.badRequest()
					.contentType(MediaType.TEXT_PLAIN)
					.body("path must be a path on this server such as /graphql: a slash followed by letters, digits "
							+ "and - . _ ~ / only\n");
			}
			return handler.handleRequest(request);
		}).build();
	}

	/** A path on this server: one leading slash, no control characters, no scheme. */
	static boolean isLocalPath(String path) {
		return LOCAL_PATH.matcher(path).matches();
	}

}
