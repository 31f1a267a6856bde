package org.ranklab.prompt;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the prompt import ({@code ranklab.import.*}). {@code max-bytes} bounds one
 * request body or uploaded file; a larger one is refused with {@code 413}. The multipart
 * limit is set from it as well.
 */
@ConfigurationProperties("ranklab.import")
record ImportProperties(@DefaultValue("1GB") DataSize maxBytes) {
}
