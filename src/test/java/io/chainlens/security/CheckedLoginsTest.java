package io.chainlens.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A password hash is checked once per login and TTL, not once per request; failed logins
 * make the next attempts wait instead of costing a hash check each.
 */
@ExtendWith(OutputCaptureExtension.class)
class CheckedLoginsTest {

	/** Counts the hash checks of a real (fast) BCrypt encoder. */
	static final class CountingEncoder implements PasswordEncoder {

		final PasswordEncoder bcrypt = new BCryptPasswordEncoder(4);

		final AtomicInteger matches = new AtomicInteger();

		@Override
		public String encode(CharSequence raw) {
			return bcrypt.encode(raw);
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			matches.incrementAndGet();
			return bcrypt.matches(raw, encoded);
		}

	}

	static final class SettableClock extends Clock {

		Instant now = Instant.parse("2026-12-03T08:00:00Z");

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

	final CountingEncoder encoder = new CountingEncoder();

	final SettableClock clock = new SettableClock();

	final InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
			User.withUsername("lead-pv").password(encoder.encode("pv-demo")).roles("CHAIN_LEAD").build());

	final CheckedLogins logins = new CheckedLogins(users, encoder,
			new SecuritySettings.Logins(Duration.ofMinutes(5), 100, 5, Duration.ofMinutes(5)), clock);

	@Test
	void oneHashCheckForManyRequestsWithTheSameCredentials() {
		for (int i = 0; i < 20; i++) {
			Authentication login = logins.authenticate(login("lead-pv", "pv-demo", "192.0.2.1"));
			assertThat(login.getName()).isEqualTo("lead-pv");
			assertThat(login.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_CHAIN_LEAD");
		}

		assertThat(encoder.matches).hasValue(1);
		assertThat(logins.hashChecks()).isEqualTo(1);
	}

	@Test
	void theCheckIsMadeAgainAfterTheTtlAndAfterThePasswordChanged() {
		logins.authenticate(login("lead-pv", "pv-demo", "192.0.2.1"));
		clock.now = clock.now.plus(Duration.ofMinutes(5));
		logins.authenticate(login("lead-pv", "pv-demo", "192.0.2.1"));
		assertThat(encoder.matches).hasValue(2);

		users.updateUser(User.withUsername("lead-pv").password(encoder.encode("new-pass")).roles("CHAIN_LEAD").build());

		assertThatThrownBy(() -> logins.authenticate(login("lead-pv", "pv-demo", "192.0.2.1")))
			.isInstanceOf(BadCredentialsException.class);
		assertThat(encoder.matches).hasValue(3);
	}

	@Test
	void aRepeatedWrongPasswordOrUnknownNameCostsOneHashCheck() {
		for (int i = 0; i < 3; i++) {
			assertThatThrownBy(() -> logins.authenticate(login("lead-pv", "guess", "192.0.2.1")))
				.isInstanceOf(BadCredentialsException.class);
			assertThatThrownBy(() -> logins.authenticate(login("nobody", "guess", "192.0.2.2")))
				.isInstanceOf(BadCredentialsException.class);
		}

		// the unknown name was checked against a dummy hash, as a known one is: same time
		assertThat(logins.hashChecks()).isEqualTo(2);
	}

	@Test
	void failedLoginsOfANameMakeTheNextAttemptsWaitWithoutAHashCheck(CapturedOutput output) {
		for (String guess : List.of("a", "b", "c", "d", "e")) {
			assertThatThrownBy(() -> logins.authenticate(login("lead-pv", guess, "192.0.2." + guess.charAt(0) % 50)))
				.isInstanceOf(BadCredentialsException.class);
		}
		int checks = encoder.matches.get();
		assertThat(output.getOut()).contains("5 failed logins as 'lead-pv': each further attempt of this name waits");

		// the right password too waits: a guesser cannot tell it from a wrong one
		assertThatThrownBy(() -> logins.authenticate(login("lead-pv", "pv-demo", "198.51.100.9")))
			.isInstanceOfSatisfying(LoginsThrottled.class, t -> assertThat(t.retryAfterSeconds()).isEqualTo(1));
		assertThat(encoder.matches).hasValue(checks);

		clock.now = clock.now.plusSeconds(1);
		assertThatThrownBy(() -> logins.authenticate(login("lead-pv", "f", "198.51.100.9")))
			.isInstanceOf(BadCredentialsException.class);
		assertThatThrownBy(() -> logins.authenticate(login("lead-pv", "pv-demo", "198.51.100.9")))
			.isInstanceOfSatisfying(LoginsThrottled.class, t -> assertThat(t.retryAfterSeconds()).isEqualTo(2));

		clock.now = clock.now.plusSeconds(2);
		assertThat(logins.authenticate(login("lead-pv", "pv-demo", "198.51.100.9")).getName()).isEqualTo("lead-pv");
		// a login clears the count of the name
		assertThatThrownBy(() -> logins.authenticate(login("lead-pv", "g", "198.51.100.9")))
			.isInstanceOf(BadCredentialsException.class);
	}

	@Test
	void failedLoginsFromOneAddressMakeItWaitWhateverTheName(CapturedOutput output) {
		for (int i = 0; i < 20; i++) {
			String name = "user-" + i;
			assertThatThrownBy(() -> logins.authenticate(login(name, "guess", "203.0.113.5")))
				.isInstanceOf(BadCredentialsException.class);
		}
		int checks = encoder.matches.get();

		assertThatThrownBy(() -> logins.authenticate(login("user-99", "guess", "203.0.113.5")))
			.isInstanceOf(LoginsThrottled.class);
		assertThat(encoder.matches).hasValue(checks);
		assertThat(output.getOut()).contains("20 failed logins from 203.0.113.5");
		// another address is not slowed down
		assertThat(logins.authenticate(login("lead-pv", "pv-demo", "203.0.113.6")).getName()).isEqualTo("lead-pv");
	}

	@Test
	void theRememberedLoginStillPassesWhileItsNameIsBeingGuessed() {
		logins.authenticate(login("lead-pv", "pv-demo", "192.0.2.1"));
		for (String guess : List.of("a", "b", "c", "d", "e", "f")) {
			try {
				logins.authenticate(login("lead-pv", guess, "203.0.113.7"));
			}
			catch (BadCredentialsException | LoginsThrottled ex) {
				// refused either way
			}
		}

		assertThat(logins.authenticate(login("lead-pv", "pv-demo", "192.0.2.1")).getName()).isEqualTo("lead-pv");
	}

	private static UsernamePasswordAuthenticationToken login(String name, String password, String address) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr(address);
		UsernamePasswordAuthenticationToken login = UsernamePasswordAuthenticationToken.unauthenticated(name, password);
		login.setDetails(new WebAuthenticationDetails(request));
		return login;
	}

}
