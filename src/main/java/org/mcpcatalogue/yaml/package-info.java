/**
 * Safe reading of untrusted YAML: {@link org.mcpcatalogue.yaml.SafeYaml} turns one YAML 1.2 document into a
 * {@link org.mcpcatalogue.yaml.YamlNode} tree with line and column on every node, refusing anchors, aliases,
 * custom tags, duplicate and non-string keys, several documents, deep nesting and oversized files. Catalogue
 * files and policy files are both read through it.
 */
package org.mcpcatalogue.yaml;
