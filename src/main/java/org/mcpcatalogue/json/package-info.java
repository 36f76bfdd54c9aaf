/**
 * An immutable JSON value model ({@link org.mcpcatalogue.json.Json}) and its text form
 * ({@link org.mcpcatalogue.json.JsonText}). YAML is turned into these values by the loader, so no stage after
 * loading sees YAML; the policy engine decides calls over them.
 */
package org.mcpcatalogue.json;
