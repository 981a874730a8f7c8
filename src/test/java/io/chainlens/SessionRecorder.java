package io.chainlens;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Bookmark;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps the app's Neo4j driver to record, for every piece of work sent to the database,
 * the access mode it was sent with: what a cluster routes by (READ to followers, WRITE to
 * the leader). Also records the bookmarks each session starts from and ends with, the
 * means of causal consistency across a cluster.
 */
public class SessionRecorder implements BeanPostProcessor {

	/**
	 * One unit of work: a transaction or an auto-commit query.
	 *
	 * @param session the session it ran in, numbered in the order sessions were opened
	 * @param mode the access mode the driver routes it by
	 * @param how the session method that started it
	 * @param startBookmarks the bookmarks the session was opened with
	 */
	public record Work(int session, AccessMode mode, String how, Set<Bookmark> startBookmarks) {
	}

	/**
	 * A session that has been closed.
	 *
	 * @param session the session's number
	 * @param modes the access modes of the work it ran
	 * @param lastBookmarks the bookmarks it ended with
	 */
	public record Closed(int session, Set<AccessMode> modes, Set<Bookmark> lastBookmarks) {
	}

	private final List<Work> work = new CopyOnWriteArrayList<>();

	private final List<Closed> closed = new CopyOnWriteArrayList<>();

	private final List<Duration> timeouts = new CopyOnWriteArrayList<>();

	private final java.util.concurrent.atomic.AtomicInteger sessions = new java.util.concurrent.atomic.AtomicInteger();

	/** What an action sent to the database, in order. */
	public record Recording(List<Work> work, List<Closed> closed) {
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof Driver driver && !Proxy.isProxyClass(bean.getClass())) {
			return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Driver.class },
					new DriverRecorder(driver));
		}
		return bean;
	}

	/** Runs the action and returns the work it sent to the database, in order. */
	public List<Work> workDuring(Runnable action) {
		return during(action).work();
	}

	/** Runs the action and returns the work and the sessions closed meanwhile. */
	public Recording during(Runnable action) {
		int workBefore = work.size();
		int closedBefore = closed.size();
		action.run();
		return new Recording(List.copyOf(new ArrayList<>(work).subList(workBefore, work.size())),
				List.copyOf(new ArrayList<>(closed).subList(closedBefore, closed.size())));
	}

	/**
	 * Runs the action and returns the timeouts of the transactions it began, in order
	 * (null for a transaction without one).
	 */
	public List<Duration> transactionTimeoutsDuring(Runnable action) {
		int before = timeouts.size();
		action.run();
		return List.copyOf(new ArrayList<>(timeouts).subList(before, timeouts.size()));
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	private final class DriverRecorder implements InvocationHandler {

		private final Driver driver;

		DriverRecorder(Driver driver) {
			this.driver = driver;
		}

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			Object result = SessionRecorder.invoke(driver, method, args);
			if (result instanceof Session session) {
				SessionConfig config = SessionConfig.defaultConfig();
				for (Object arg : args == null ? new Object[0] : args) {
					if (arg instanceof SessionConfig given) {
						config = given;
					}
				}
				return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Session.class },
						new SessionRecorderHandler(session, config));
			}
			return result;
		}

	}

	private final class SessionRecorderHandler implements InvocationHandler {

		private final Session session;

		private final SessionConfig config;

		private final Set<AccessMode> modes = java.util.EnumSet.noneOf(AccessMode.class);

		private final int number = sessions.incrementAndGet();

		SessionRecorderHandler(Session session, SessionConfig config) {
			this.session = session;
			this.config = config;
		}

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			String name = method.getName();
			Set<Bookmark> bookmarks = config.bookmarks() == null ? Set.of() : Set.copyOf(toList(config.bookmarks()));
			AccessMode mode = null;
			if (name.startsWith("executeRead")) {
				mode = AccessMode.READ;
			}
			else if (name.startsWith("executeWrite")) {
				mode = AccessMode.WRITE;
			}
			else if (name.equals("beginTransaction") || name.equals("run")) {
				// the session's default mode decides these
				mode = config.defaultAccessMode();
			}
			if (name.startsWith("execute") || name.equals("beginTransaction")) {
				for (Object arg : args == null ? new Object[0] : args) {
					if (arg instanceof TransactionConfig transaction) {
						timeouts.add(transaction.timeout());
					}
				}
			}
			if (name.equals("close")) {
				closed.add(new Closed(number, Set.copyOf(modes), Set.copyOf(session.lastBookmarks())));
			}
			if (mode != null) {
				modes.add(mode);
				work.add(new Work(number, mode, name, bookmarks));
			}
			return SessionRecorder.invoke(session, method, args);
		}

		private static List<Bookmark> toList(Iterable<Bookmark> bookmarks) {
			List<Bookmark> list = new ArrayList<>();
			bookmarks.forEach(list::add);
			return list;
		}

	}

}
