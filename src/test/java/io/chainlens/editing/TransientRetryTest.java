package io.chainlens.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.TransientException;
import org.springframework.dao.TransientDataAccessResourceException;

class TransientRetryTest {

	private static final String DEADLOCK = "Neo.TransientError.Transaction.DeadlockDetected";

	private final AtomicInteger attempts = new AtomicInteger();

	@Test
	void aWriteRolledBackByADeadlockIsRunAgainAndAnswersOnce() {
		String answer = TransientRetry.run("setCapacity", () -> {
			if (attempts.incrementAndGet() < 3) {
				throw new TransientDataAccessResourceException("deadlock",
						new TransientException(DEADLOCK, "ForsetiClient can't acquire ExclusiveLock"));
			}
			return "written";
		});
		assertThat(answer).isEqualTo("written");
		assertThat(attempts).hasValue(3);
	}

	@Test
	void aDeadlockThatPersistsReachesTheCallerAfterTheLastAttempt() {
		assertThatThrownBy(() -> TransientRetry.run("setTarget", () -> {
			attempts.incrementAndGet();
			throw new TransientException(DEADLOCK, "again");
		})).isInstanceOf(TransientException.class);
		assertThat(attempts).hasValue(TransientRetry.ATTEMPTS);
	}

	@Test
	void anErrorOfTheInputIsNotRunAgain() {
		assertThatThrownBy(() -> TransientRetry.run("createCompany", () -> {
			attempts.incrementAndGet();
			throw new ClientException("Neo.ClientError.Schema.ConstraintValidationFailed", "taken");
		})).isInstanceOf(ClientException.class);
		assertThat(attempts).hasValue(1);
	}

	@Test
	void aLostConnectionIsNotRunAgainBecauseTheWriteMayHaveCommitted() {
		assertThatThrownBy(() -> TransientRetry.run("createProject", () -> {
			attempts.incrementAndGet();
			throw new ServiceUnavailableException("connection lost at commit");
		})).isInstanceOf(ServiceUnavailableException.class);
		assertThat(attempts).hasValue(1);
	}

}
