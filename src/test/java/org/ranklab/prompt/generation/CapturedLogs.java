package org.ranklab.prompt.generation;

import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/**
 * Every log event of every thread while open, with the application's own loggers at
 * DEBUG, as text with stack traces: what a log file would hold.
 */
final class CapturedLogs implements AutoCloseable {

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private final Logger root;

	private final Logger ranklab;

	private final Level ranklabLevel;

	private CapturedLogs() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		this.root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		this.ranklab = context.getLogger("org.ranklab");
		this.ranklabLevel = ranklab.getLevel();
		appender.setContext(context);
		appender.start();
		ranklab.setLevel(Level.DEBUG);
		root.addAppender(appender);
	}

	static CapturedLogs start() {
		return new CapturedLogs();
	}

	String text() {
		synchronized (appender) {
			return appender.list.stream()
				.map(event -> event.getLoggerName() + " " + event.getFormattedMessage()
						+ (event.getThrowableProxy() == null ? ""
								: "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy())))
				.collect(Collectors.joining("\n"));
		}
	}

	@Override
	public void close() {
		root.detachAppender(appender);
		ranklab.setLevel(ranklabLevel);
		appender.stop();
	}

}
