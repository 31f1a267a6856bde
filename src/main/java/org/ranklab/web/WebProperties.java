package org.ranklab.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of every request ({@code ranklab.web.*}). {@code max-body-bytes} bounds the body
 * of every endpoint that declares no {@link RequestBodyLimit} of its own: JSON calls and
 * page forms are small, and one that is not is refused with {@code 413} before it is
 * read.
 */
@ConfigurationProperties("ranklab.web")
record WebProperties(@DefaultValue("1MB") DataSize maxBodyBytes) {
}
