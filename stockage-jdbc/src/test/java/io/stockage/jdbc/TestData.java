package io.stockage.jdbc;

import io.stockage.Item;
import io.stockage.ItemId;
import io.stockage.ItemType;
import io.stockage.OrgId;
import io.stockage.Project;
import io.stockage.ProjectId;
import io.stockage.Revision;
import io.stockage.UserId;
import io.stockage.spi.catalog.Catalog;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Values for catalog tests; every organization is new, so tests sharing a database stay apart. */
final class TestData {
  /** A fixed instant with microsecond precision, as PostgreSQL keeps it. */
  static final Instant T0 = Instant.parse("2025-03-01T10:15:30.123456Z");
  static final UserId ALICE = UserId.of("alice");
  static final String MOUNT = "main";

  private static final AtomicLong SECONDS = new AtomicLong();

  private TestData() {}

  /** A new organization id. */
  static OrgId newOrg() {
    return OrgId.of("org-" + UUID.randomUUID());
  }

  /** An instant after T0, distinct per call, truncated to microseconds. */
  static Instant later() {
    return T0.plusSeconds(SECONDS.incrementAndGet()).truncatedTo(ChronoUnit.MICROS);
  }

  /** A project of the organization. */
  static Project project(OrgId org, String slug) {
    return new Project(ProjectId.random(), org, slug, "Title " + slug, "", "", "active", MOUNT, ALICE, T0);
  }

  /** Records the organization and a new project of it; returns the project. */
  static Project newProject(Catalog catalog, String slug) {
    Project project = project(newOrg(), slug);
    catalog.inTransaction(s -> {
      s.projects().ensureOrganization(project.org(), T0);
      s.projects().insert(project);
      return project;
    });
    return project;
  }

  /** A live folder. */
  static Item folder(Project project, Optional<ItemId> parent, String name) {
    return new Item(ItemId.random(), project.org(), project.id(), parent, ItemType.FOLDER, name, MOUNT, 0,
        Item.FOLDER_TYPE, "", 0, ALICE, false, java.util.Set.of(), java.util.Map.of(), T0, T0, Optional.empty());
  }

  /** A live file at revision 1. */
  static Item file(Project project, Optional<ItemId> parent, String name) {
    return new Item(ItemId.random(), project.org(), project.id(), parent, ItemType.FILE, name, MOUNT, 3,
        "application/pdf", "ab".repeat(32), 1, ALICE, false, java.util.Set.of(), java.util.Map.of(), T0, T0,
        Optional.empty());
  }

  /** Revision {@code number} of the file. */
  static Revision revision(ItemId file, int number) {
    return new Revision(file, number, 3, "cd".repeat(32), "application/pdf", ALICE, later(),
        Optional.of("rev " + number), OptionalInt.empty());
  }

  /** Inserts the items in one transaction. */
  static void insert(Catalog catalog, Item... items) {
    catalog.inTransaction(s -> {
      for (Item item : items) {
        s.items().insert(item);
      }
      return items.length;
    });
  }
}
