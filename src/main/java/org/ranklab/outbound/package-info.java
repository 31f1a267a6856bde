/**
 * Calls to addresses that users give: model servers (generation) and webhook receivers.
 * {@link org.ranklab.outbound.OutboundPolicy} is the SSRF guard that decides which
 * addresses may be called ({@code ranklab.generation.allowed-hosts} and
 * {@code allow-public-addresses}), and {@link org.ranklab.outbound.PinnedHttpClient}
 * sends a request to exactly the addresses it checked (DNS pinning), reading a bounded
 * answer within a deadline.
 * <p>
 * Owns no table and depends on no module.
 */
@ApplicationModule(allowedDependencies = {})
package org.ranklab.outbound;

import org.springframework.modulith.ApplicationModule;
