package org.ranklab.jobs;

import tools.jackson.databind.json.JsonMapper;

import com.github.kagkarlsson.scheduler.serializer.Serializer;

/**
 * Stores task data as JSON rather than Java serialization, so queue entries stay readable
 * across versions of the classes. A mapper of its own: the application's JSON settings
 * must not change what is in the queue.
 */
class JsonTaskDataSerializer implements Serializer {

	private final JsonMapper json = JsonMapper.builder().build();

	@Override
	public byte[] serialize(Object data) {
		return data == null ? null : json.writeValueAsBytes(data);
	}

	@Override
	public <T> T deserialize(Class<T> type, byte[] bytes) {
		return bytes == null ? null : json.readValue(bytes, type);
	}

}
