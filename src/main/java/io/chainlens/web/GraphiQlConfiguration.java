package io.chainlens.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.server.webmvc.GraphiQlHandler;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * GraphiQL served with its scripts from the app itself. Spring's stock page loads them
 * from a CDN, which many government networks cannot reach.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "spring.graphql.graphiql.enabled", havingValue = "true")
class GraphiQlConfiguration {

	@Bean
	@Order(0)
	RouterFunction<ServerResponse> offlineGraphiQl() {
		GraphiQlHandler handler = new GraphiQlHandler("/graphql", "", new ClassPathResource("graphiql/offline.html"));
		return RouterFunctions.route().GET("/graphiql", handler::handleRequest).build();
	}

}
