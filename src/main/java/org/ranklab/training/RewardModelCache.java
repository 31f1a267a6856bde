package org.ranklab.training;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import org.ranklab.training.engine.RewardModel;

/**
 * Loaded reward models, the most recently used first, at most
 * {@code ranklab.training.cached-models} of them. An evicted model is closed (its native
 * memory freed) once the last request using it is done.
 */
@Component
class RewardModelCache implements DisposableBean {

	private final int capacity;

	private final Map<Long, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

	RewardModelCache(@Value("${ranklab.training.cached-models:4}") int capacity) {
		this.capacity = Math.max(1, capacity);
	}

	/**
	 * A model with a count of the requests using it, so that eviction never closes it
	 * under one of them.
	 */
	private static final class Entry {

		private final RewardModel model;

		private int users;

		private boolean evicted;

		Entry(RewardModel model) {
			this.model = model;
		}

	}

	/**
	 * Applies {@code use} to the model, loading it with {@code load} on first use.
	 * Loading happens under the cache's lock: models are loaded rarely and a second
	 * request for the same model must not load it twice.
	 */
	<T> T with(long id, Function<Long, RewardModel> load, Function<RewardModel, T> use) {
		Entry entry;
		synchronized (this) {
			entry = entries.get(id);
			if (entry == null) {
				entry = new Entry(load.apply(id));
				entries.put(id, entry);
				evictBeyondCapacity();
			}
			entry.users++;
		}
		try {
			return use.apply(entry.model);
		}
		finally {
			synchronized (this) {
				entry.users--;
				if (entry.evicted && entry.users == 0) {
					entry.model.close();
				}
			}
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
				eldest.model.close();
			}
		}
	}

	@Override
	public synchronized void destroy() {
		entries.values().forEach(entry -> entry.model.close());
		entries.clear();
	}

}
