package io.chainlens.web;

import java.lang.reflect.Method;
import java.time.Duration;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.DelegatingTransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;

/**
 * Gives a transaction begun for a GraphQL request a timeout of at most the time its
 * request has left ({@code chainlens.graphql.time-budget}, {@link RequestBudget}), so
 * that the database ends a query still running when the request's time is up instead of
 * finishing it for nobody. Outside a request, and when the configured timeout
 * ({@code spring.transaction.default-timeout} or the method's own) is shorter, that
 * timeout holds.
 */
class BudgetedTransactions {

	private final int defaultTimeoutSeconds;

	BudgetedTransactions(Duration defaultTimeout) {
		this.defaultTimeoutSeconds = (defaultTimeout != null) ? (int) defaultTimeout.toSeconds()
				: TransactionDefinition.TIMEOUT_DEFAULT;
	}

	/** Makes the transactions the interceptor begins end with their request's budget. */
	void budget(TransactionInterceptor interceptor) {
		if (interceptor.getTransactionAttributeSource() != null
				&& !(interceptor.getTransactionAttributeSource() instanceof Budgeted)) {
			interceptor.setTransactionAttributeSource(new Budgeted(interceptor.getTransactionAttributeSource()));
		}
	}

	private final class Budgeted implements TransactionAttributeSource {

		private final TransactionAttributeSource attributes;

		Budgeted(TransactionAttributeSource attributes) {
			this.attributes = attributes;
		}

		@Override
		public boolean isCandidateClass(Class<?> targetClass) {
			return attributes.isCandidateClass(targetClass);
		}

		@Override
		public boolean hasTransactionAttribute(Method method, Class<?> targetClass) {
			return attributes.hasTransactionAttribute(method, targetClass);
		}

		@Override
		public TransactionAttribute getTransactionAttribute(Method method, Class<?> targetClass) {
			TransactionAttribute attribute = attributes.getTransactionAttribute(method, targetClass);
			if (attribute == null) {
				return null;
			}
			return RequestBudget.timeLeft().map(left -> budgeted(attribute, left)).orElse(attribute);
		}

		private TransactionAttribute budgeted(TransactionAttribute attribute, Duration left) {
			// the database counts whole seconds; a request out of time still gets one,
			// and is
			// stopped by its budget meanwhile
			int seconds = (int) Math.max(1, (left.toMillis() + 999) / 1000);
			int configured = (attribute.getTimeout() != TransactionDefinition.TIMEOUT_DEFAULT) ? attribute.getTimeout()
					: defaultTimeoutSeconds;
			if (configured != TransactionDefinition.TIMEOUT_DEFAULT && configured <= seconds) {
				return attribute;
			}
			return new DelegatingTransactionAttribute(attribute) {
				@Override
				public int getTimeout() {
					return seconds;
				}
			};
		}

	}

}
