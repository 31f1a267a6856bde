package org.ranklab.user;

/** The create-user page's form. */
class UserForm {

	private String username;

	private String password;

	private Role role = Role.LABELER;

	NewUser toNewUser() {
		return new NewUser(username, password, role);
	}

	public String getUsername() {
		return username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getPassword() {
		return password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public Role getRole() {
		return role;
	}

	public void setRole(Role role) {
		this.role = role;
	}

}
