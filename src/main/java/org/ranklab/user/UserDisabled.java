package org.ranklab.user;

/**
 * An admin disabled this user's account. Published inside the transaction that disables
 * it, so that listeners (labeling releases the user's open leases) act in it too.
 */
public record UserDisabled(long userId) {
}
