package io.chainlens.web;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.interceptor.TransactionInterceptor;

@Configuration(proxyBeanMethods = false)
class BudgetConfiguration {

	// once every bean is made: the transaction interceptor is infrastructure, made early,
	// before a post-processor of this configuration could see it
	@Bean
	SmartInitializingSingleton budgetedTransactions(Environment environment,
			ObjectProvider<TransactionInterceptor> interceptors) {
		BudgetedTransactions budgeted = new BudgetedTransactions(
				Binder.get(environment).bind("spring.transaction.default-timeout", Duration.class).orElse(null));
		return () -> interceptors.orderedStream().forEach(budgeted::budget);
	}

}
