package io.chainlens.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks the Basic logins of the built-in users so that the password hash (BCrypt: tens
 * of milliseconds of CPU, on purpose) is checked once per login rather than once per
 * request, and so that guessing costs the guesser time instead of costing the server CPU.
 *
 * <ul>
 * <li>Credentials that passed the hash check are remembered for
 * {@code chainlens.security.logins.cache-ttl}, by an HMAC of name and password under a
 * key made at each start (no password and no plain hash of one is kept), together with
 * the user's stored hash: a changed password or a removed user ends the entry. The rights
 * are read from the user as configured now, at every request.</li>
 * <li>Credentials that failed are remembered the same way, so a client repeating a wrong
 * password gets its 401 without a hash check.</li>
 * <li>After {@code free-failures} failed logins of a name, or four times as many from one
 * client address, each further attempt waits: 1 s after the next failure, then 2 s, 4 s,
 * … up to {@code max-delay}. An attempt while waiting is {@link LoginsThrottled} (HTTP
 * 429) at once, without a hash check. A login of the name clears its count; the count of
 * an address is forgotten 15 minutes after its last failure.</li>
 * </ul>
 *
 * <p>
 * Timing: the first attempt of an unknown name costs a hash check as a known one does
 * (Spring's {@link DaoAuthenticationProvider} compares against a dummy hash), so the time
 * of an answer does not tell whether a name exists; repeats of the same credentials and
 * throttled attempts are fast for known and unknown names alike.
 */
final class CheckedLogins implements AuthenticationManager {

	private static final Logger log = LoggerFactory.getLogger(CheckedLogins.class);

	/** The count of an address is forgotten this long after its last failure. */
	static final Duration FORGET_ADDRESS_AFTER = Duration.ofMinutes(15);

	/** An address may fail this many times as often as a name before it waits. */
	static final int ADDRESS_FACTOR = 4;

	private final UserDetailsService users;

	private final DaoAuthenticationProvider hashCheck;

	private final SecuritySettings.Logins settings;

	private final Clock clock;

	private final SecretKeySpec key;

	/**
	 * Apart from the refused ones, so that a flood of wrong passwords evicts no login.
	 */
	private final Map<String, Remembered> passed;

	private final Map<String, Remembered> refused;

	private final Map<String, Failures> failures;

	private final AtomicLong hashChecks = new AtomicLong();

	private final AccountStatusUserDetailsChecker status = new AccountStatusUserDetailsChecker();

	CheckedLogins(UserDetailsService users, PasswordEncoder encoder, SecuritySettings.Logins settings, Clock clock) {
		this.users = users;
		this.hashCheck = new DaoAuthenticationProvider(users);
		this.hashCheck.setPasswordEncoder(encoder);
		this.settings = settings;
		this.clock = clock;
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
		this.passed = bounded(settings.cacheSize());
		this.refused = bounded(settings.cacheSize());
		this.failures = bounded(settings.cacheSize());
	}

	@Override
	public Authentication authenticate(Authentication login) throws AuthenticationException {
		String name = login.getName();
		String password = login.getCredentials() == null ? "" : login.getCredentials().toString();
		String address = login.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress()
				: null;
		String credentials = digest(name, password);
		Instant now = clock.instant();
		UserDetails user = find(name);
		String hash = user == null ? null : user.getPassword();
		Remembered known = recall(passed, credentials, now);
		if (known != null && user != null && Objects.equals(known.hash(), hash)) {
			status.check(user);
			return loggedIn(user, login);
		}
		known = recall(refused, credentials, now);
		if (known != null && Objects.equals(known.hash(), hash)) {
			failed(name, address);
			throw new BadCredentialsException("Bad credentials");
		}
		Duration wait = waitFor(name, address, now);
		if (!wait.isZero()) {
			throw new LoginsThrottled(wait);
		}
		hashChecks.incrementAndGet();
		try {
			Authentication result = hashCheck.authenticate(login);
			UserDetails checked = (UserDetails) result.getPrincipal();
			remember(passed, credentials, new Remembered(checked.getPassword(), now.plus(settings.cacheTtl())));
			synchronized (failures) {
				failures.remove(nameKey(name));
			}
			return loggedIn(checked, login);
		}
		catch (BadCredentialsException ex) {
			remember(refused, credentials, new Remembered(hash, now.plus(settings.cacheTtl())));
			failed(name, address);
			throw ex;
		}
	}

	/** How many password hash checks this has made: for tests and metrics. */
	long hashChecks() {
		return hashChecks.get();
	}

	private static Authentication loggedIn(UserDetails user, Authentication login) {
		UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(user, null,
				user.getAuthorities());
		result.setDetails(login.getDetails());
		return result;
	}

	private UserDetails find(String name) {
		try {
			return users.loadUserByUsername(name);
		}
		catch (UsernameNotFoundException ex) {
			return null;
		}
	}

	private static Remembered recall(Map<String, Remembered> map, String credentials, Instant now) {
		synchronized (map) {
			Remembered known = map.get(credentials);
			if (known != null && !known.until().isAfter(now)) {
				map.remove(credentials);
				return null;
			}
			return known;
		}
	}

	private static void remember(Map<String, Remembered> map, String credentials, Remembered what) {
		synchronized (map) {
			map.put(credentials, what);
		}
	}

	private Duration waitFor(String name, String address, Instant now) {
		synchronized (failures) {
			Duration byName = waitFor(failures.get(nameKey(name)), settings.freeFailures(), now);
			Duration byAddress = address == null ? Duration.ZERO
					: waitFor(failures.get("address:" + address), settings.freeFailures() * ADDRESS_FACTOR, now);
			return byName.compareTo(byAddress) >= 0 ? byName : byAddress;
		}
	}

	private Duration waitFor(Failures counted, int free, Instant now) {
		if (counted == null || counted.count() < free) {
			return Duration.ZERO;
		}
		Instant until = counted.last().plus(delay(counted.count() - free));
		return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
	}

	/** 1 s after the first failure beyond the free ones, doubling up to max-delay. */
	private Duration delay(int beyond) {
		Duration delay = Duration.ofSeconds(1L << Math.min(beyond, 30));
		return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
	}

	/** The wait counts from the end of the failed check, however long the check took. */
	private void failed(String name, String address) {
		Instant now = clock.instant();
		synchronized (failures) {
			if (count(nameKey(name), now) == settings.freeFailures()) {
				log.warn("{} failed logins as '{}': each further attempt of this name waits", settings.freeFailures(),
						printable(name));
			}
			if (address != null) {
				Failures before = failures.get("address:" + address);
				if (before != null && before.last().plus(FORGET_ADDRESS_AFTER).isBefore(now)) {
					failures.remove("address:" + address);
				}
				int free = settings.freeFailures() * ADDRESS_FACTOR;
				if (count("address:" + address, now) == free) {
					log.warn("{} failed logins from {}: each further attempt from this address waits", free,
							printable(address));
				}
			}
		}
	}

	/** A name from a request header, safe for one log line. */
	private static String printable(String text) {
		String shown = text.length() > 100 ? text.substring(0, 100) + "…" : text;
		return shown.replaceAll("\\p{Cntrl}", "?");
	}

	/** User names are found whatever their case, so they are counted so too. */
	private static String nameKey(String name) {
		return "name:" + name.toLowerCase(Locale.ROOT);
	}

	/**
	 * @return the failures counted now
	 */
	private int count(String key, Instant now) {
		return failures.merge(key, new Failures(1, now), (was, one) -> new Failures(was.count() + 1, now)).count();
	}

	/**
	 * An HMAC of name and password: equal for equal credentials within this process,
	 * useless to anyone who reads the memory for guessing the password offline.
	 */
	private String digest(String name, String password) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			mac.update((name.length() + ":" + name).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

	private static <V> Map<String, V> bounded(int size) {
		return new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
				return size() > size;
			}

		};
	}

	/**
	 * Credentials checked before.
	 *
	 * @param hash the stored hash they were checked against; null for an unknown name
	 * @param until when they must be checked again
	 */
	private record Remembered(String hash, Instant until) {
	}

	private record Failures(int count, Instant last) {
	}

}
