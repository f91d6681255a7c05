package io.stockage.examples.server;

import io.stockage.Content;
import io.stockage.ErrorKind;
import io.stockage.Item;
import io.stockage.ItemId;
import io.stockage.NewProject;
import io.stockage.OrgPermission;
import io.stockage.PageRequest;
import io.stockage.Principal;
import io.stockage.ProjectRole;
import io.stockage.Stockage;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.TeamId;
import io.stockage.Upload;
import io.stockage.UserId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Vault endpoints of seed 004: vault files are stored in their own namespace, never reached
 * through organization-wide permissions, and visible to their owner, their project's members and
 * the users and teams they are shared with. A file uploaded without a project goes to the
 * uploader's personal vault project ({@code vault-<user>}), so that only its own shares apply.
 */
@RestController
class VaultController {
  private final Stockage stockage;
  private final MultipartUpload multipart;

  VaultController(Stockage stockage, MultipartUpload multipart) {
    this.stockage = stockage;
    this.multipart = multipart;
  }

  /** Whom to share a vault file with: user names and team ids. */
  record ShareBody(List<String> users, List<String> teams) {}

  @PostMapping(path = "/api/vault/files/", consumes = "multipart/form-data")
  ResponseEntity<FileView> upload(Subject subject, @RequestParam(required = false) String project,
      HttpServletRequest request, HttpServletResponse response) {
    Item item = multipart.stream(request, response, (name, fields, content) -> {
      String named = project != null ? project : fields.get("project");
      String slug = named != null ? named : personalProject(subject);
      return stockage.files().upload(subject, Upload.of(slug, name, content).asVault());
    });
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(java.net.URI.create("/api/vault/files/" + item.id() + "/download/"))
        .body(FileView.of(item));
  }

  @GetMapping("/api/vault/files/")
  PageView<FileView> list(Subject subject, @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "50") int size) {
    return PageView.of(stockage.files().vaultFiles(subject, Bodies.page(cursor, size)), FileView::of);
  }

  @GetMapping("/api/vault/files/{id}/download/")
  void download(Subject subject, @PathVariable String id, HttpServletResponse response) throws IOException {
    ItemId file = vaultFile(subject, id);
    try (Content content = stockage.files().open(subject, file)) {
      Downloads.send(content, response);
    }
  }

  @PostMapping("/api/vault/files/{id}/share/")
  List<AccessController.EntryView> share(Subject subject, @PathVariable String id, @RequestBody ShareBody body) {
    ItemId file = vaultFile(subject, id);
    List<Principal> principals = new ArrayList<>();
    Optional.ofNullable(body.users()).orElse(List.of()).forEach(u -> principals.add(UserId.of(u)));
    Optional.ofNullable(body.teams()).orElse(List.of()).forEach(t -> principals.add(TeamId.of(t)));
    if (principals.isEmpty()) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "name at least one user or team to share with");
    }
    principals.forEach(p -> stockage.access().grant(subject, file, p, ProjectRole.VIEWER));
    return stockage.access().entries(subject, file, PageRequest.first(PageRequest.MAX_SIZE)).items().stream()
        .map(AccessController.EntryView::of).toList();
  }

  /** A vault file the subject can see; a regular file's id is not one (404). */
  private ItemId vaultFile(Subject subject, String id) {
    ItemId file = ItemId.parse(id);
    if (!stockage.files().stat(subject, file).vault()) {
      throw StockageException.of(ErrorKind.NOT_FOUND, "no vault file " + id);
    }
    return file;
  }

  /**
   * The uploader's personal vault project, created on first use: the host lets every user create
   * that one project, whatever its organization permissions.
   */
  private String personalProject(Subject subject) {
    String slug = "vault-" + subject.user().value().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    try {
      // Someone else could have taken the name first: their project's members would see the files.
      if (!stockage.projects().get(subject, slug).creator().equals(subject.user())) {
        throw StockageException.of(ErrorKind.CONFLICT, "project " + slug + " is not your personal vault: name a project");
      }
    } catch (StockageException e) {
      if (e.kind() != ErrorKind.NOT_FOUND) {
        throw e;
      }
      EnumSet<OrgPermission> perms = EnumSet.of(OrgPermission.CREATE_PROJECT);
      perms.addAll(subject.permissions());
      Subject creator = new Subject(subject.org(), subject.user(), perms);
      try {
        stockage.projects().create(creator, NewProject.of(slug, "Vault of " + subject.user().value()));
      } catch (StockageException raced) {
        if (raced.kind() != ErrorKind.ALREADY_EXISTS) {
          throw raced;
        }
      }
    }
    return slug;
  }
}
