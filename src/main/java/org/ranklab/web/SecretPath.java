package org.ranklab.web;

/**
 * Paths whose rest is a secret (a reward-serving key), declared as a bean by the module
 * that serves them: wherever a request's path is logged or echoed (problem
 * {@code instance}, error pages, the 503 log line), everything after the prefix is
 * replaced by {@value PathMask#MASK}.
 *
 * @param prefix such as {@code /api/v1/reward-serving/}
 */
public record SecretPath(String prefix) {
}
