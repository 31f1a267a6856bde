/**
 * What every module's pages and API share: problem+json errors
 * ({@link org.ranklab.web.NotFoundException}, {@link org.ranklab.web.ConflictException},
 * {@link org.ranklab.web.InvalidInputException} with its
 * {@link org.ranklab.web.InputError}s), form validation, request body limits, the 503 for
 * an unreachable database, the masking of secrets in paths
 * ({@link org.ranklab.web.SecretPath}, {@link org.ranklab.web.PathMask}), and the home
 * page. Owns no table and depends on no module.
 */
@ApplicationModule(allowedDependencies = {})
package org.ranklab.web;

import org.springframework.modulith.ApplicationModule;
