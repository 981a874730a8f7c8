package io.chainlens.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.chainlens.ChainlensTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every transaction the app opens carries the configured timeout, and the database ends a
 * transaction that runs past it.
 */
@ChainlensTest
class TransactionTimeoutTest {

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Neo4jClient neo4j;

	@Test
	void transactionsGetTheConfiguredDefaultTimeout() {
		assertThat(((AbstractPlatformTransactionManager) transactions).getDefaultTimeout()).isEqualTo(30);
	}

	@Test
	void theDatabaseEndsATransactionThatRunsPastItsTimeout() {
		TransactionTemplate oneSecond = new TransactionTemplate(transactions);
		oneSecond.setTimeout(1);
		oneSecond.setReadOnly(true);
		long started = System.nanoTime();

		assertThatThrownBy(() -> oneSecond
			.execute(status -> neo4j.query("UNWIND range(1, 10000000000) AS x RETURN sum(x) AS total")
				.fetchAs(Long.class)
				.one()))
			.satisfies(ex -> assertThat(GraphQlErrors.isTimeout(ex)).as("%s", ex).isTrue());

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
	}

}
