package org.ranklab.user;

/** What a user may do: admins run projects, labelers rank. */
public enum Role {

	ADMIN, LABELER;

	String authority() {
		return "ROLE_" + name();
	}

}
