package org.ranklab.web;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Hides the secret part of a request path ({@link SecretPath}) before it is shown. */
@Component
public class PathMask {

	static final String MASK = "***";

	private final List<SecretPath> secrets;

	PathMask(ObjectProvider<SecretPath> secrets) {
		this.secrets = secrets.orderedStream().toList();
	}

	/** The path as it may be logged or echoed. */
	public String masked(String path) {
		if (path == null) {
			return null;
		}
		for (SecretPath secret : secrets) {
			if (path.startsWith(secret.prefix())) {
				return secret.prefix() + MASK;
			}
		}
		return path;
	}

}
