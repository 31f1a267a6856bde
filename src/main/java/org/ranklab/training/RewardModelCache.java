package org.ranklab.training;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import org.ranklab.training.engine.RewardModel;

/**
 * Loaded reward models, the most recently used first, at most
 * {@code ranklab.training.cached-models} of them. An evicted model is closed (its native
 * memory freed) once the last request using it is done.
 * <p>
 * The lock guards only the bookkeeping, never a load: a model is loaded by the first
 * request that needs it, outside the lock, and later requests for that model wait for
 * that one load. So a slow load (a large artifact, a busy database) holds up only the
 * requests for that model, and scoring with the cached ones goes on.
 */
@Component
class RewardModelCache implements DisposableBean {

	private final int capacity;

	private final Map<Long, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

	RewardModelCache(@Value("${ranklab.training.cached-models:4}") int capacity) {
		this.capacity = Math.max(1, capacity);
	}

	/**
	 * A model, loaded or still loading, with a count of the requests using or awaiting
	 * it, so that eviction never closes it under one of them.
	 */
	private static final class Entry {

		private final CompletableFuture<RewardModel> model = new CompletableFuture<>();

		private int users;

		private boolean evicted;

		/** Closes the model if it loaded; called once the last user is gone. */
		private void close() {
			RewardModel loaded = model.isDone() && !model.isCompletedExceptionally() ? model.join() : null;
			if (loaded != null) {
				loaded.close();
			}
		}

	}

	/**
	 * Applies {@code use} to the model, loading it with {@code load} on first use. A
	 * model is loaded once even when several requests ask for it at the same time; a load
	 * that fails is tried again by the next request.
	 */
	<T> T with(long id, Function<Long, RewardModel> load, Function<RewardModel, T> use) {
		Entry entry;
		boolean loader = false;
		synchronized (this) {
			entry = entries.get(id);
			if (entry == null) {
				entry = new Entry();
				entries.put(id, entry);
				loader = true;
				evictBeyondCapacity();
			}
			entry.users++;
		}
		try {
			if (loader) {
				load(id, entry, load);
			}
			return use.apply(loaded(entry));
		}
		finally {
			release(entry);
		}
	}

	private void load(long id, Entry entry, Function<Long, RewardModel> load) {
		try {
			entry.model.complete(load.apply(id));
		}
		catch (RuntimeException | Error e) {
			synchronized (this) {
				entries.remove(id, entry);
			}
			entry.model.completeExceptionally(e);
		}
	}

	/** The entry's model, once loaded; its load's own exception when that failed. */
	private static RewardModel loaded(Entry entry) {
		try {
			return entry.model.join();
		}
		catch (CompletionException e) {
			if (e.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			if (e.getCause() instanceof Error cause) {
				throw cause;
			}
			throw e;
		}
	}

	private synchronized void release(Entry entry) {
		entry.users--;
		if (entry.evicted && entry.users == 0) {
			entry.close();
		}
	}

	synchronized int size() {
		return entries.size();
	}

	private void evictBeyondCapacity() {
		Iterator<Entry> eldestFirst = entries.values().iterator();
		while (entries.size() > capacity && eldestFirst.hasNext()) {
			Entry eldest = eldestFirst.next();
			eldestFirst.remove();
			eldest.evicted = true;
			if (eldest.users == 0) {
				eldest.close();
			}
		}
	}

	/** Closes every model now unused, and the others when their last request ends. */
	@Override
	public synchronized void destroy() {
		entries.values().forEach(entry -> {
			entry.evicted = true;
			if (entry.users == 0) {
				entry.close();
			}
		});
		entries.clear();
	}

}
