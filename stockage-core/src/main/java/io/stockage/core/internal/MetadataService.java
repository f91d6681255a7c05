package io.stockage.core.internal;

import io.stockage.ChangeKind;
import io.stockage.FieldDefinition;
import io.stockage.Item;
import io.stockage.ItemId;
import io.stockage.ItemPatch;
import io.stockage.OrgPermission;
import io.stockage.Permission;
import io.stockage.Subject;
import io.stockage.spi.catalog.CatalogSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An item's metadata (name, tags, custom fields) and the organization's custom field definitions.
 * An update is one transaction on the locked item; it writes one {@link ChangeKind#RENAMED} change
 * when the name changed, else one {@link ChangeKind#METADATA_CHANGED} (the revision stays) and an audit row saying which of name, tags and fields changed,
 * never their values. A patch that changes nothing writes only its audit row.
 */
public final class MetadataService implements io.stockage.Fields {
  private final EngineContext ctx;

  /** A service over the engine's context. */
  public MetadataService(EngineContext ctx) {
    this.ctx = ctx;
  }

  /** See {@link io.stockage.Files#update}. */
  public Item update(Subject subject, ItemId id, ItemPatch patch) {
    Operation op = Operation.mutation(ctx, "update", subject, id.toString());
    return op.run(() -> ctx.catalog().inTransaction(session -> {
      Item item = Lookups.liveItem(op, session, id, Permission.CHANGE, true).item();
      LockGate.require(ctx, session, op, id);
      Item next = patched(session, item, patch);
      List<String> changed = changes(item, next);
      if (changed.isEmpty()) {
        session.audit().append(op.allowed(Map.of("changed", "")));
        return item;
      }
      Instant now = ctx.clock().instant();
      Item updated = next.withMetadata(next.tags(), next.customFields(), now);
      session.items().update(updated);
      ChangeKind kind = item.name().equals(updated.name()) ? ChangeKind.METADATA_CHANGED : ChangeKind.RENAMED;
      Journal.item(op, session, updated, kind, now, Map.of("changed", String.join(",", changed)));
      return updated;
    }));
  }

  @Override
  public FieldDefinition define(Subject subject, FieldDefinition field) {
    Operation op = Operation.mutation(ctx, "define-field", subject, field.name());
    return op.run(() -> {
      Authorizer.requireOrg(op, OrgPermission.ADMIN);
      CustomFields.checkDefinition(field);
      return ctx.catalog().inTransaction(session -> {
        session.projects().ensureOrganization(subject.org(), ctx.clock().instant());
        session.fields().put(subject.org(), field);
        session.audit().append(op.allowed(Map.of("type", field.type().name(),
            "required", Boolean.toString(field.required()))));
        return field;
      });
    });
  }

  @Override
  public List<FieldDefinition> list(Subject subject) {
    Operation op = Operation.query(ctx, "list-fields", subject, subject.org().value());
    return op.run(() -> ctx.catalog().read(session -> session.fields().list(subject.org())));
  }

  // The item as the patch would leave it (update time unchanged): every part checked.
  private Item patched(CatalogSession session, Item item, ItemPatch patch) {
    String name = patch.name().map(n -> NameRules.newName(item, n, ctx.policy())).orElse(item.name());
    Set<String> tags = patch.tags().map(Tags::normalize).orElse(item.tags());
    Map<String, Object> fields = patch.customFields()
        .map(values -> CustomFields.validate(session.fields().list(item.org()), values))
        .orElse(item.customFields());
    return item.withName(name, item.updatedAt()).withMetadata(tags, fields, item.updatedAt());
  }

  private static List<String> changes(Item before, Item after) {
    List<String> changed = new ArrayList<>();
    if (!before.name().equals(after.name())) {
      changed.add("name");
    }
    if (!before.tags().equals(after.tags())) {
      changed.add("tags");
    }
    if (!before.customFields().equals(after.customFields())) {
      changed.add("fields");
    }
    return changed;
  }
}
