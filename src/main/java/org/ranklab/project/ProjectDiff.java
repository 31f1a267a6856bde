package org.ranklab.project;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.ranklab.audit.AdminAction;

/**
 * The settings that differ between two versions of a project, by their API names, as the
 * audit log keeps them.
 */
record ProjectDiff(Map<String, Object> before, Map<String, Object> after) {

	static ProjectDiff between(Project before, Project after) {
		Map<String, Object> was = new LinkedHashMap<>();
		Map<String, Object> is = new LinkedHashMap<>();
		for (RecordComponent component : Project.class.getRecordComponents()) {
			Object old = valueOf(component, before);
			Object now = valueOf(component, after);
			if (!Objects.equals(old, now)) {
				String name = component.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
				was.put(name, old);
				is.put(name, now);
			}
		}
		return new ProjectDiff(was, is);
	}

	boolean isEmpty() {
		return after.isEmpty();
	}

	AdminAction asAction(long projectId, String verb) {
		return AdminAction.onProject(projectId, verb, before, after);
	}

	private static Object valueOf(RecordComponent component, Project project) {
		try {
			Object value = component.getAccessor().invoke(project);
			return value instanceof Enum<?> ? value.toString().toLowerCase() : value;
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException(e);
		}
	}

}
