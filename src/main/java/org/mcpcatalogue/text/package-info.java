/**
 * Text helpers shared by the stages: finding hidden characters in names and descriptions, and quoting user
 * text in messages so that it cannot hide or reorder what a terminal or page shows.
 */
package org.mcpcatalogue.text;
