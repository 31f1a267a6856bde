package org.ranklab.user;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first admin, created on first start ({@code RANKLAB_ADMIN_USERNAME},
 * {@code RANKLAB_ADMIN_PASSWORD}).
 */
@ConfigurationProperties("ranklab.admin")
record AdminProperties(@DefaultValue("admin") String username, String password) {
}
