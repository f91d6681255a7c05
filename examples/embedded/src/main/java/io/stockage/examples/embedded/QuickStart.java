package io.stockage.examples.embedded;

import io.stockage.Access;
import io.stockage.Content;
import io.stockage.Item;
import io.stockage.Location;
import io.stockage.Mount;
import io.stockage.NewProject;
import io.stockage.OrgPermission;
import io.stockage.Page;
import io.stockage.PageRequest;
import io.stockage.ProjectRole;
import io.stockage.Stockage;
import io.stockage.Subject;
import io.stockage.Upload;
import io.stockage.UserId;
import io.stockage.core.StockageEngine;
import io.stockage.core.fs.FileSystemProvider;
import io.stockage.jdbc.JdbcCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The README's quick start: Stockage embedded in plain Java, on PostgreSQL and a local directory.
 * Run with a JDBC URL, user, password, a storage directory and a PDF to upload.
 */
public final class QuickStart {
  private QuickStart() {}

  /** Arguments: jdbc-url user password storage-dir file.pdf. */
  public static void main(String[] args) throws IOException {
    Item item = run(args[0], args[1], args[2], Path.of(args[3]), Path.of(args[4]));
    System.out.println("stored " + item.name() + " (" + item.size() + " bytes, " + item.mimeType() + ")");
  }

  /** Uploads the file to a new project and reads it back; returns the stored item. */
  public static Item run(String jdbcUrl, String user, String password, Path storage, Path file)
      throws IOException {
    // region quickstart
    try (Stockage stockage = StockageEngine.builder()
        .catalog(JdbcCatalog.connect(jdbcUrl, user, password))        // metadata on PostgreSQL
        .mount(Mount.managed("main", FileSystemProvider.create(storage))) // content on local disk
        .build()) {
      // The host authenticates; Stockage authorizes the subject it is given.
      Subject alice = Subject.of("acme", "alice", OrgPermission.CREATE_PROJECT);
      stockage.projects().create(alice, NewProject.of("bridge", "Bridge"));
      stockage.projects().addMember(alice, "bridge", UserId.of("bob"), ProjectRole.EDITOR);

      Item plan;
      try (InputStream in = Files.newInputStream(file)) {
        plan = stockage.files().upload(alice, Upload.of("bridge", "plan.pdf", in)); // streamed, checked, revision 1
      }
      Subject bob = Subject.of("acme", "bob");
      try (Content content = stockage.files().open(bob, plan.id())) {
        content.stream().transferTo(OutputStream.nullOutputStream());
      }
      // carol is no member: an access entry lets her view this file, and only it.
      Subject carol = Subject.of("acme", "carol");
      stockage.access().grant(alice, plan.id(), carol.user(), ProjectRole.VIEWER);
      Access access = stockage.access().explain(alice, plan.id(), carol); // VIEWER, and the entry that grants it
      System.out.println("carol: " + access.role().orElseThrow() + " through " + access.sources());
      // Listings page by cursor: a page starts after the last item of the one before.
      Page<Item> page = stockage.files().list(bob, Location.root("bridge"), PageRequest.first(100));
      while (page.hasNext()) {
        page = stockage.files().list(bob, Location.root("bridge"), page.next().orElseThrow());
      }
      return plan;
    }
    // endregion quickstart
  }
}
