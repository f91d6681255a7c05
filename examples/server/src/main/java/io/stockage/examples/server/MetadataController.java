package io.stockage.examples.server;

import io.stockage.ErrorKind;
import io.stockage.Item;
import io.stockage.ItemId;
import io.stockage.ItemPatch;
import io.stockage.Location;
import io.stockage.MountInfo;
import io.stockage.Stockage;
import io.stockage.StockageException;
import io.stockage.Subject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Item metadata changes ({@code PATCH}) and the mounts. */
@RestController
class MetadataController {
  private final Stockage stockage;

  MetadataController(Stockage stockage) {
    this.stockage = stockage;
  }

  /**
   * The JSON form of a mount; {@code role} is the caller's role on a live mount (null on a managed
   * one, whose access is by project).
   */
  @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  record MountView(String name, String mode, String provider, String versioning, List<String> capabilities,
      String role) {
    static MountView of(MountInfo m, String role) {
      List<String> caps = new ArrayList<>(m.capabilities().supported().stream().map(Enum::name).sorted().toList());
      return new MountView(m.name(), m.mode().name(), m.provider(), m.versioning().name(), caps, role);
    }
  }

  /** The mounts; a live mount only to those with a role on it. */
  @GetMapping("/api/v1/mounts")
  List<MountView> mounts(Subject subject) {
    List<MountView> views = new ArrayList<>();
    for (MountInfo m : stockage.mounts().list(subject)) {
      if (m.mode() != io.stockage.MountMode.LIVE) {
        views.add(MountView.of(m, null));
        continue;
      }
      try {
        views.add(MountView.of(m, stockage.live().role(subject, m.name()).name()));
      } catch (io.stockage.StockageException e) {
        if (e.kind() != io.stockage.ErrorKind.NOT_FOUND) {
          throw e;
        }
      }
    }
    return views;
  }

  /**
   * Applies {@code name}, {@code folder} (an id, or null for the project's root), {@code tags} and
   * {@code customFields}; absent members stay as they are.
   */
  @PatchMapping(path = "/api/v1/files/{id}", consumes = "application/json")
  FileView patch(Subject subject, @PathVariable String id, @RequestBody Map<String, Object> body) {
    ItemId item = ItemId.parse(id);
    Item result = null;
    if (body.containsKey("folder")) {
      Object folder = body.get("folder");
      String project = stockage.projects().get(subject, stockage.files().stat(subject, item).project()).slug();
      result = stockage.files().move(subject, item,
          new Location(project, Bodies.folder(folder == null ? null : text(folder, "folder"))));
    }
    ItemPatch patch = ItemPatch.none();
    if (body.containsKey("name")) {
      patch = patch.withName(text(body.get("name"), "name"));
    }
    if (body.containsKey("tags")) {
      patch = patch.withTags(tags(body.get("tags")));
    }
    if (body.containsKey("customFields")) {
      patch = patch.withCustomFields(fields(body.get("customFields")));
    }
    if (patch.name().isPresent() || patch.tags().isPresent() || patch.customFields().isPresent() || result == null) {
      result = stockage.files().update(subject, item, patch);
    }
    return FileView.of(result);
  }

  private static String text(Object value, String member) {
    if (!(value instanceof String s)) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "'" + member + "' must be a string");
    }
    return s;
  }

  private static Set<String> tags(Object value) {
    if (!(value instanceof List<?> list)) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "'tags' must be an array of strings");
    }
    Set<String> tags = new LinkedHashSet<>();
    list.forEach(tag -> tags.add(text(tag, "tags")));
    return tags;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> fields(Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "'customFields' must be an object");
    }
    Map<String, Object> fields = new java.util.HashMap<>();
    ((Map<String, Object>) map).forEach((k, v) -> fields.put(k, v instanceof Integer i ? Long.valueOf(i) : v));
    return fields;
  }
}
