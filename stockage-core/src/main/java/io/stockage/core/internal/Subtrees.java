package io.stockage.core.internal;

import io.stockage.AccessEntry;
import io.stockage.AccessSource;
import io.stockage.ErrorKind;
import io.stockage.Item;
import io.stockage.ItemId;
import io.stockage.Permission;
import io.stockage.Principal;
import io.stockage.ProjectRole;
import io.stockage.spi.catalog.CatalogSession;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an operation on a folder must know about the items below it, so that no one acts on, or
 * hands out, access to items it holds no right on (DESIGN §4, "no escalation").
 *
 * <p>A permission that comes from a project role or an access entry on the folder (or above it)
 * applies to everything below it. One that comes from ownership covers the owned folder only
 * (what others put in it stays theirs), and one that comes from organization permissions covers
 * no vault item. So only then is the content checked, item by item, in memory, from two queries
 * (the subtree and the entries inside it).
 */
final class Subtrees {
  private Subtrees() {}

  /**
   * Fails with {@code PERMISSION_DENIED} unless the subject holds the permission on every item
   * below the located one (live or trashed) as well as on it; a no-op for a file.
   */
  static void requireBelow(Operation op, CatalogSession session, Lookups.Located located, Permission needed) {
    Item root = located.item();
    Set<Permission> fromAbove = inheritable(located.access().sources());
    if (!root.isFolder() || fromAbove.contains(needed)) {
      return;
    }
    List<Item> below = session.items().descendants(root.id());
    if (below.isEmpty()) {
      return;
    }
    Map<ItemId, Set<Permission>> entries = new HashMap<>();
    for (AccessEntry e : session.acl().below(root.id(), op.subject().user(), op.teams())) {
      entries.computeIfAbsent(e.item(), k -> EnumSet.noneOf(Permission.class)).addAll(e.role().permissions());
    }
    Map<ItemId, Set<Permission>> inherited = new HashMap<>();
    inherited.put(root.id(), fromAbove);
    Set<Permission> organization = AccessRules.organizationPermissions(op.subject());
    int refused = 0;
    for (Item item : below) {
      // Parents come before their children: the parent's inherited set is known.
      Set<Permission> here = EnumSet.noneOf(Permission.class);
      here.addAll(inherited.getOrDefault(item.parent().orElse(root.id()), Set.of()));
      here.addAll(entries.getOrDefault(item.id(), Set.of()));
      if (item.isFolder()) {
        inherited.put(item.id(), EnumSet.copyOf(here));
      }
      if (!item.vault()) {
        here.addAll(organization);
      }
      if (item.owner().equals(op.subject().user())) {
        here.addAll(ProjectRole.ADMIN.permissions());
      }
      if (!here.contains(Permission.VIEW) || !here.contains(needed)) {
        refused++;
      }
    }
    if (refused > 0) {
      throw op.deny(ErrorKind.PERMISSION_DENIED, op.subject().user() + " may not " + op.name() + " folder "
          + root.id() + ": it holds no " + needed + " on " + refused + " item(s) below it");
    }
  }

  /**
   * Whether moving an item from its folder to the target folder (empty: the project's root) would
   * give someone a role the item does not give them now: an entry above the target names a
   * principal with a higher role than any entry above the item's folder does.
   */
  static boolean moveWidens(CatalogSession session, Item item, Optional<ItemId> target) {
    if (target.isEmpty() || target.equals(item.parent())) {
      return false;
    }
    Map<Principal, ProjectRole> before = strongest(item.parent().map(p -> session.acl().onPath(p)).orElse(List.of()));
    Map<Principal, ProjectRole> after = strongest(session.acl().onPath(target.get()));
    return after.entrySet().stream().anyMatch(e -> {
      ProjectRole held = before.get(e.getKey());
      return held == null || held.compareTo(e.getValue()) < 0;
    });
  }

  private static Map<Principal, ProjectRole> strongest(List<AccessEntry> entries) {
    Map<Principal, ProjectRole> roles = new HashMap<>();
    entries.forEach(e -> roles.merge(e.principal(), e.role(), ProjectRole::max));
    return roles;
  }

  /** The permissions of the sources that apply below an item too: project roles and access entries. */
  private static Set<Permission> inheritable(List<AccessSource> sources) {
    Set<Permission> granted = EnumSet.noneOf(Permission.class);
    sources.stream()
        .filter(s -> s.kind() == AccessSource.Kind.PROJECT || s.kind() == AccessSource.Kind.ENTRY)
        .forEach(s -> granted.addAll(s.permissions()));
    return granted;
  }
}
