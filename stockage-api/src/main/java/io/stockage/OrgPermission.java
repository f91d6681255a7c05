package io.stockage;

/**
 * Organization-wide permissions a host's RBAC grants a subject, carried by the {@link Subject}.
 *
 * <p>{@code VIEW}, {@code ADD}, {@code CHANGE} and {@code DELETE} apply to every regular (non-vault)
 * document of the organization; they are seed 003's {@code view_filestorage},
 * {@code add_filestorage}, {@code change_filestorage} and {@code delete_filestorage}.
 */
public enum OrgPermission {
  /** View every regular document of the organization. */
  VIEW,
  /** Add documents to every project of the organization. */
  ADD,
  /** Change every regular document of the organization. */
  CHANGE,
  /** Delete every regular document of the organization. */
  DELETE,
  /** Create projects (the creator becomes their {@link ProjectRole#ADMIN}). */
  CREATE_PROJECT,
  /** Administer the organization: all of the above, every project, and the audit log. */
  ADMIN
}
