package io.stockage;

import java.util.Set;

/**
 * Access entries on items, and what a subject may do ({@link Stockage#access()}). Entries only
 * add access; project roles are on {@link Projects}.
 */
public interface AccessControl {

  /**
   * Grants a user or team a role on an item and, for a folder, on everything below it. Needs
   * {@link Permission#SHARE} on the item (for a folder, on everything below it), and a role at
   * least as high as the one granted.
   */
  AccessEntry grant(Subject subject, ItemId item, Principal principal, ProjectRole role);

  /**
   * Removes the principal's entry on the item (access it holds otherwise stays); removing a
   * missing entry succeeds. Needs {@link Permission#SHARE}.
   */
  void revoke(Subject subject, ItemId item, Principal principal);

  /** The entries set directly on the item, users then teams, by id. Needs {@link Permission#VIEW}. */
  Page<AccessEntry> entries(Subject subject, ItemId item, PageRequest page);

  /**
   * The effective access of {@code whom} (a subject of the same organization, as the host knows
   * it) to the item, with every source that grants it. Needs {@link Permission#SHARE} on the item,
   * unless {@code whom} is the subject itself.
   */
  Access explain(Subject subject, ItemId item, Subject whom);

  /**
   * The subject's permissions on the item, for a UI to show or hide actions: empty when the item
   * does not exist or the subject cannot view it. Decisions are cached for a short time (see the
   * engine's builder); the operations themselves always decide afresh in their transaction.
   */
  Set<Permission> permissions(Subject subject, ItemId item);
}
