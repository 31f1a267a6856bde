package org.ranklab.user;

/** The password page's form: the new password is typed twice. */
class PasswordForm {

	private String currentPassword;

	private String newPassword;

	private String repeatedPassword;

	OwnPasswordChange toChange() {
		return new OwnPasswordChange(currentPassword, newPassword);
	}

	boolean repeatedRight() {
		return newPassword != null && newPassword.equals(repeatedPassword);
	}

	public String getCurrentPassword() {
		return currentPassword;
	}

	public void setCurrentPassword(String currentPassword) {
		this.currentPassword = currentPassword;
	}

	public String getNewPassword() {
		return newPassword;
	}

	public void setNewPassword(String newPassword) {
		this.newPassword = newPassword;
	}

	public String getRepeatedPassword() {
		return repeatedPassword;
	}

	public void setRepeatedPassword(String repeatedPassword) {
		this.repeatedPassword = repeatedPassword;
	}

}
